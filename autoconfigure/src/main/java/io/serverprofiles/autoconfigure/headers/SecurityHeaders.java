package io.serverprofiles.autoconfigure.headers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The headers the prod server adds, worked out once from the properties. A response keeps
 * every header it already has: the application's and Spring Security's win. Headers that
 * only a document or a script obeys go only on those (as h5bp's server configs do), so an
 * API's JSON carries a few short headers instead of several hundred bytes.
 */
public final class SecurityHeaders {

	static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";

	static final String CACHE_CONTROL = "Cache-Control";

	private final Map<String, String> everyResponse;

	private final Map<String, String> documents;

	private final DocumentTypes documentTypes;

	private final @Nullable String strictTransportSecurity;

	private final @Nullable String errorCacheControl;

	private SecurityHeaders(Map<String, String> everyResponse, Map<String, String> documents,
			DocumentTypes documentTypes, @Nullable String strictTransportSecurity, @Nullable String errorCacheControl) {
		this.everyResponse = Collections.unmodifiableMap(everyResponse);
		this.documents = Collections.unmodifiableMap(documents);
		this.documentTypes = documentTypes;
		this.strictTransportSecurity = strictTransportSecurity;
		this.errorCacheControl = errorCacheControl;
	}

	/**
	 * The headers these settings ask for.
	 * @param properties the settings
	 * @return the headers
	 */
	public static SecurityHeaders of(SecurityHeadersProperties properties) {
		Map<String, String> everyResponse = new LinkedHashMap<>();
		putIfHasText(everyResponse, "X-Content-Type-Options", properties.getContentTypeOptions());
		putIfHasText(everyResponse, "X-Frame-Options", properties.getFrameOptions());
		putIfHasText(everyResponse, "Referrer-Policy", properties.getReferrerPolicy());
		putIfHasText(everyResponse, "Cross-Origin-Resource-Policy", properties.getCrossOriginResourcePolicy());
		Map<String, String> documents = new LinkedHashMap<>();
		putIfHasText(documents, "Content-Security-Policy", properties.getContentSecurityPolicy());
		putIfHasText(documents, "Permissions-Policy", properties.getPermissionsPolicy());
		putIfHasText(documents, "Cross-Origin-Opener-Policy", properties.getCrossOriginOpenerPolicy());
		String errorCacheControl = StringUtils.hasText(properties.getErrorCacheControl())
				? properties.getErrorCacheControl() : null;
		return new SecurityHeaders(everyResponse, documents, new DocumentTypes(properties.getDocumentTypes()),
				strictTransportSecurity(properties.getHsts()), errorCacheControl);
	}

	private static void putIfHasText(Map<String, String> headers, String name, @Nullable String value) {
		if (StringUtils.hasText(value)) {
			headers.put(name, value.strip());
		}
	}

	/**
	 * The Strict-Transport-Security value these settings ask for; the rendered nginx
	 * copies it onto its own answers.
	 * @param hsts the settings
	 * @return the value, or {@code null} when HSTS is off
	 */
	public static @Nullable String strictTransportSecurity(HstsProperties hsts) {
		if (!hsts.isEnabled()) {
			return null;
		}
		StringBuilder value = new StringBuilder("max-age=").append(hsts.getMaxAge().toSeconds());
		if (hsts.isIncludeSubDomains()) {
			value.append("; includeSubDomains");
		}
		if (hsts.isPreload()) {
			value.append("; preload");
		}
		return value.toString();
	}

	/**
	 * Add every header the response lacks.
	 * @param request the request, secure or not
	 * @param response the response, not yet committed
	 * @param status the status the response will have
	 */
	void addMissing(HttpServletRequest request, HttpServletResponse response, int status) {
		addMissing(request.isSecure(), response.getContentType(), status, Target.of(response));
	}

	/**
	 * Add every header a response lacks, wherever the response keeps its headers: for the
	 * answers the container sends itself, before any filter.
	 * @param secure whether the request came over HTTPS
	 * @param contentType the response's content type, if any
	 * @param status the status the response will have
	 * @param target the response's headers
	 */
	public void addMissing(boolean secure, @Nullable String contentType, int status, Target target) {
		this.everyResponse.forEach((name, value) -> addIfMissing(target, name, value));
		if (this.documentTypes.includes(contentType)) {
			this.documents.forEach((name, value) -> addIfMissing(target, name, value));
		}
		if (secure) {
			addIfMissing(target, STRICT_TRANSPORT_SECURITY, this.strictTransportSecurity);
		}
		if (status >= 400) {
			addIfMissing(target, CACHE_CONTROL, this.errorCacheControl);
		}
	}

	private static void addIfMissing(Target target, String name, @Nullable String value) {
		if (value != null && !target.contains(name)) {
			target.set(name, value);
		}
	}

	/**
	 * A response's headers.
	 */
	public interface Target {

		/**
		 * Whether the response has the header.
		 * @param name the header's name
		 * @return whether it is there
		 */
		boolean contains(String name);

		/**
		 * Set the header.
		 * @param name the header's name
		 * @param value its value
		 */
		void set(String name, String value);

		/**
		 * Headers kept in a map: what a response like this one would get, for the
		 * self-probe to compare with what a deployment sends.
		 * @param headers the map
		 * @return its headers
		 */
		static Target of(Map<String, String> headers) {
			return new Target() {

				@Override
				public boolean contains(String name) {
					return headers.containsKey(name);
				}

				@Override
				public void set(String name, String value) {
					headers.put(name, value);
				}

			};
		}

		/**
		 * The headers of a servlet response (also Tomcat's own, before any filter).
		 * @param response the response
		 * @return its headers
		 */
		static Target of(HttpServletResponse response) {
			return new Target() {

				@Override
				public boolean contains(String name) {
					return response.containsHeader(name);
				}

				@Override
				public void set(String name, String value) {
					response.setHeader(name, value);
				}

			};
		}

	}

}
