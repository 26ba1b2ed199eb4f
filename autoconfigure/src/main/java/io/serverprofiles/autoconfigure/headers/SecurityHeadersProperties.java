package io.serverprofiles.autoconfigure.headers;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Security headers of the prod server. An empty value leaves that header out; a header
 * the application sets itself is always kept.
 */
@ConfigurationProperties("server-profiles.prod.headers")
public class SecurityHeadersProperties {

	/**
	 * Whether to add security headers to the responses of the prod server.
	 */
	private boolean enabled = true;

	/**
	 * Comma-separated list of content types that browsers render as documents or run as
	 * scripts. Responses of these types, and responses without a content type, also get
	 * Content-Security-Policy, Permissions-Policy and Cross-Origin-Opener-Policy, which
	 * mean nothing to other responses (JSON, CSS, images). A wildcard subtype such as
	 * "text/*" matches every type under it; "*" sends them on every response.
	 */
	private List<String> documentTypes = new ArrayList<>(List.of("text/html", "application/xhtml+xml", "image/svg+xml",
			"text/xml", "application/xml", "application/pdf", "text/javascript", "application/javascript"));

	/**
	 * Content-Security-Policy header of documents (see document-types); empty leaves it
	 * out. The default allows scripts, styles, images, fonts and fetches from the
	 * application's own origin only, and no inline script or style.
	 */
	private String contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * X-Content-Type-Options header of every response; empty leaves it out.
	 */
	private String contentTypeOptions = "nosniff";

	/**
	 * X-Frame-Options header of every response, for browsers that ignore CSP
	 * frame-ancestors; empty leaves it out.
	 */
	private String frameOptions = "DENY";

	/**
	 * Referrer-Policy header of every response; empty leaves it out.
	 */
	private String referrerPolicy = "strict-origin-when-cross-origin";

	/**
	 * Permissions-Policy header of documents (see document-types); empty leaves it out.
	 * The default denies powerful browser features to the page and to every frame in it.
	 */
	private String permissionsPolicy = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
			+ "encrypted-media=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), "
			+ "midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
			+ "xr-spatial-tracking=()";

	/**
	 * Cross-Origin-Opener-Policy header of documents (see document-types); empty leaves
	 * it out.
	 */
	private String crossOriginOpenerPolicy = "same-origin";

	/**
	 * Cross-Origin-Resource-Policy header of every response; empty leaves it out.
	 */
	private String crossOriginResourcePolicy = "same-origin";

	/**
	 * Cache-Control header of error responses (status 400 and above), so that no cache
	 * keeps an error; empty leaves it out.
	 */
	private String errorCacheControl = "no-store";

	@NestedConfigurationProperty
	private final HstsProperties hsts = new HstsProperties();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<String> getDocumentTypes() {
		return this.documentTypes;
	}

	public void setDocumentTypes(List<String> documentTypes) {
		this.documentTypes = documentTypes;
	}

	public String getContentSecurityPolicy() {
		return this.contentSecurityPolicy;
	}

	public void setContentSecurityPolicy(String contentSecurityPolicy) {
		this.contentSecurityPolicy = contentSecurityPolicy;
	}

	public String getContentTypeOptions() {
		return this.contentTypeOptions;
	}

	public void setContentTypeOptions(String contentTypeOptions) {
		this.contentTypeOptions = contentTypeOptions;
	}

	public String getFrameOptions() {
		return this.frameOptions;
	}

	public void setFrameOptions(String frameOptions) {
		this.frameOptions = frameOptions;
	}

	public String getReferrerPolicy() {
		return this.referrerPolicy;
	}

	public void setReferrerPolicy(String referrerPolicy) {
		this.referrerPolicy = referrerPolicy;
	}

	public String getPermissionsPolicy() {
		return this.permissionsPolicy;
	}

	public void setPermissionsPolicy(String permissionsPolicy) {
		this.permissionsPolicy = permissionsPolicy;
	}

	public String getCrossOriginOpenerPolicy() {
		return this.crossOriginOpenerPolicy;
	}

	public void setCrossOriginOpenerPolicy(String crossOriginOpenerPolicy) {
		this.crossOriginOpenerPolicy = crossOriginOpenerPolicy;
	}

	public String getCrossOriginResourcePolicy() {
		return this.crossOriginResourcePolicy;
	}

	public void setCrossOriginResourcePolicy(String crossOriginResourcePolicy) {
		this.crossOriginResourcePolicy = crossOriginResourcePolicy;
	}

	public String getErrorCacheControl() {
		return this.errorCacheControl;
	}

	public void setErrorCacheControl(String errorCacheControl) {
		this.errorCacheControl = errorCacheControl;
	}

	public HstsProperties getHsts() {
		return this.hsts;
	}

}
