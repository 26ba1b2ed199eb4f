package io.serverprofiles.autoconfigure.headers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.StringUtils;

/**
 * The headers the prod server adds, worked out once from the properties. A response keeps
 * every header it already has: the application's and Spring Security's win.
 */
final class SecurityHeaders {

	static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";

	static final String CACHE_CONTROL = "Cache-Control";

	private final Map<String, String> everyResponse;

	private final String strictTransportSecurity;

	private final String errorCacheControl;

	private SecurityHeaders(Map<String, String> everyResponse, String strictTransportSecurity,
			String errorCacheControl) {
		this.everyResponse = Collections.unmodifiableMap(everyResponse);
		this.strictTransportSecurity = strictTransportSecurity;
		this.errorCacheControl = errorCacheControl;
	}

	static SecurityHeaders of(SecurityHeadersProperties properties) {
		Map<String, String> headers = new LinkedHashMap<>();
		putIfHasText(headers, "Content-Security-Policy", properties.getContentSecurityPolicy());
		putIfHasText(headers, "X-Content-Type-Options", properties.getContentTypeOptions());
		putIfHasText(headers, "X-Frame-Options", properties.getFrameOptions());
		putIfHasText(headers, "Referrer-Policy", properties.getReferrerPolicy());
		putIfHasText(headers, "Permissions-Policy", properties.getPermissionsPolicy());
		putIfHasText(headers, "Cross-Origin-Opener-Policy", properties.getCrossOriginOpenerPolicy());
		putIfHasText(headers, "Cross-Origin-Resource-Policy", properties.getCrossOriginResourcePolicy());
		String errorCacheControl = StringUtils.hasText(properties.getErrorCacheControl())
				? properties.getErrorCacheControl() : null;
		return new SecurityHeaders(headers, strictTransportSecurity(properties.getHsts()), errorCacheControl);
	}

	private static void putIfHasText(Map<String, String> headers, String name, String value) {
		if (StringUtils.hasText(value)) {
			headers.put(name, value.strip());
		}
	}

	static String strictTransportSecurity(HstsProperties hsts) {
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
