package io.serverprofiles.autoconfigure.probe;

import java.time.Clock;

import io.serverprofiles.autoconfigure.headers.SecurityHeaders;
import org.jspecify.annotations.Nullable;

/**
 * The deployment under probe and what the application's own settings say it should do.
 *
 * @param client the client for the deployment
 * @param certificates the trust decision of the first handshake
 * @param host the deployment's name
 * @param httpsPort its HTTPS port
 * @param httpPort its plain-HTTP port
 * @param contextPath {@code server.servlet.context-path}, empty for none
 * @param actuatorBasePath {@code management.endpoints.web.base-path}
 * @param managementPortSeparate whether the actuator has a port of its own
 * @param pagePath the HTML page whose headers are checked
 * @param headers the security headers the app adds, or {@code null} when they are off
 * @param strictTransportSecurity the HSTS value the app sends, or {@code null} for none
 * @param maxRequestSize {@code server-profiles.prod.max-request-size} in bytes
 * @param token the whoami token, or {@code null} without a secret
 * @param minCertDays the days a certificate must still be valid for
 * @param clock the clock
 */
record ProbeTarget(ProbeClient client, CertificateRecorder certificates, String host, int httpsPort, int httpPort,
		String contextPath, String actuatorBasePath, boolean managementPortSeparate, String pagePath,
		@Nullable SecurityHeaders headers, @Nullable String strictTransportSecurity, long maxRequestSize,
		@Nullable WhoamiToken token, int minCertDays, Clock clock) {

	/**
	 * A path within the application.
	 * @param path the path after the context path
	 * @return the path to send
	 */
	String path(String path) {
		return this.contextPath + path;
	}

}
