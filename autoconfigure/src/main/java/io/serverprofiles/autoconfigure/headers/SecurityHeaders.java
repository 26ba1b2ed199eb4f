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

	private final String strictTransportSecurity;

	private final String errorCacheControl;

	private SecurityHeaders(Map<String, String> everyResponse, Map<String, String> documents,
			DocumentTypes documentTypes, String strictTransportSecurity, String errorCacheControl) {
		this.everyResponse = Collections.unmodifiableMap(everyResponse);
		this.documents = Collections.unmodifiableMap(documents);
		this.documentTypes = documentTypes;
		this.strictTransportSecurity = strictTransportSecurity;
		this.errorCacheControl = errorCacheControl;
	}

	static SecurityHeaders of(SecurityHeadersProperties properties) {
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

	private static void putIfHasText(Map<String, String> headers, String name, String value) {
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
		this.everyResponse.forEach((name, value) -> addIfMissing(response, name, value));
		if (this.documentTypes.includes(response.getContentType())) {
			this.documents.forEach((name, value) -> addIfMissing(response, name, value));
		}
		if (request.isSecure()) {
			addIfMissing(response, STRICT_TRANSPORT_SECURITY, this.strictTransportSecurity);
		}
		if (status >= 400) {
			addIfMissing(response, CACHE_CONTROL, this.errorCacheControl);
		}
	}

	private static void addIfMissing(HttpServletResponse response, String name, String value) {
		if (value != null && !response.containsHeader(name)) {
			response.setHeader(name, value);
		}
	}

}
