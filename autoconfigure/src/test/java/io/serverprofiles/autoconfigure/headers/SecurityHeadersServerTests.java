package io.serverprofiles.autoconfigure.headers;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

import io.serverprofiles.autoconfigure.support.ResponseTestEndpoints;
import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.autoconfigure.support.TlsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers of the prod server as a browser sees them, on a real container: on
 * every kind of response, over plain HTTP and over TLS, with the defaults and with
 * properties that change them. Documents (HTML here) get the policies that only documents
 * obey; other responses only the headers that apply to them.
 */
class SecurityHeadersServerTests extends StartedServerTests {

	private static final String DEFAULT_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
			+ "style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private TlsServer tlsServer;

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod" };
	}

	@BeforeParameterizedClassInvocation
	void startTlsServerWithChangedHeaders() throws Exception {
		this.tlsServer = TlsServer.start(container(), "--server-profiles.mode=prod",
				"--server-profiles.prod.headers.hsts.max-age=2d", "--server-profiles.prod.headers.hsts.preload=true",
				"--server-profiles.prod.headers.content-security-policy=default-src 'self'",
				"--server-profiles.prod.headers.frame-options=");
	}

	@AfterParameterizedClassInvocation
	void stopTlsServer() {
		this.tlsServer.close();
	}

	@Test
	void anOkPageHasEveryHeaderAndNoNoStore() {
		HttpResponse<String> response = server().get("/page");
		assertThat(response.statusCode()).isEqualTo(200);
		assertSecurityHeaders(response.headers());
		assertDocumentHeaders(response.headers());
		assertThat(response.headers().allValues("Cache-Control")).isEmpty();
	}

	@Test
	void aResponseThatIsNoDocumentHasOnlyTheHeadersThatApplyToIt() {
		HttpResponse<String> response = server().get("/text");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertSecurityHeaders(response.headers());
		assertNoDocumentHeaders(response.headers());
	}

	@Test
	void aNotFoundResponseHasEveryHeaderAndNoStore() {
		HttpResponse<String> response = server().get("/no-such-page");
		assertThat(response.statusCode()).isEqualTo(404);
		assertSecurityHeaders(response.headers());
		assertNotStored(response.headers());
	}

	@Test
	void aFailureRenderedByTheErrorPageHasEveryHeaderAndNoStore() {
		HttpResponse<String> response = server().get("/boom");
		assertThat(response.statusCode()).isEqualTo(500);
		assertSecurityHeaders(response.headers());
		assertNotStored(response.headers());
	}

	@Test
	void aPageCommittedEarlyByItsWriterHasEveryHeader() {
		HttpResponse<String> response = server().get("/stream");
		assertThat(response.body()).isEqualTo("first line, flushed\nsecond line\n");
		assertCommittedBeforeItsEnd(response.headers());
		assertSecurityHeaders(response.headers());
		assertDocumentHeaders(response.headers());
	}

	@Test
	void aResponseCommittedEarlyByItsStreamHasItsHeaders() {
		HttpResponse<String> response = server().get("/stream-bytes");
		assertThat(response.body()).isEqualTo("first bytes, flushed\nmore bytes\n");
		assertCommittedBeforeItsEnd(response.headers());
		assertSecurityHeaders(response.headers());
		assertNoDocumentHeaders(response.headers());
	}

	@Test
	void aHeaderTheApplicationSetsIsKept() {
		HttpResponse<String> response = server().get("/own-csp");
		assertThat(response.headers().allValues("Content-Security-Policy"))
			.containsExactly(ResponseTestEndpoints.OWN_CONTENT_SECURITY_POLICY);
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void plainHttpGetsNoHsts() {
		assertThat(server().get("/text").headers().allValues("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void tlsGetsHstsAsConfigured() {
		HttpResponse<String> response = this.tlsServer.get("/text");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Strict-Transport-Security"))
			.containsExactly("max-age=172800; includeSubDomains; preload");
	}

	@Test
	void aPropertyReplacesAHeaderValue() {
		HttpResponse<String> response = this.tlsServer.get("/page");
		assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'self'");
	}

	@Test
	void anEmptyPropertyLeavesAHeaderOut() {
		HttpHeaders headers = this.tlsServer.get("/text").headers();
		assertThat(headers.allValues("X-Frame-Options")).isEmpty();
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void switchedOffThereIsNoSecurityHeader() {
		try (RunningServer server = RunningServer.start(container(), "--server-profiles.mode=prod",
				"--server-profiles.prod.headers.enabled=false")) {
			for (String path : new String[] { "/text", "/no-such-page" }) {
				HttpHeaders headers = server.get(path).headers();
				assertThat(headers.map()).as(path)
					.doesNotContainKeys("content-security-policy", "x-content-type-options", "x-frame-options",
							"referrer-policy", "permissions-policy", "cross-origin-opener-policy",
							"cross-origin-resource-policy");
			}
		}
	}

	private static void assertSecurityHeaders(HttpHeaders headers) {
		assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
		assertThat(headers.allValues("Referrer-Policy")).containsExactly("strict-origin-when-cross-origin");
		assertThat(headers.allValues("Cross-Origin-Resource-Policy")).containsExactly("same-origin");
	}

	private static void assertDocumentHeaders(HttpHeaders headers) {
		assertThat(headers.allValues("Content-Security-Policy")).containsExactly(DEFAULT_CONTENT_SECURITY_POLICY);
		assertThat(headers.firstValue("Permissions-Policy")).hasValueSatisfying((policy) -> assertThat(policy)
			.contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"));
		assertThat(headers.allValues("Cross-Origin-Opener-Policy")).containsExactly("same-origin");
	}

	private static void assertNoDocumentHeaders(HttpHeaders headers) {
		assertThat(headers.map()).doesNotContainKeys("content-security-policy", "permissions-policy",
				"cross-origin-opener-policy");
	}

	private static void assertNotStored(HttpHeaders headers) {
		// Ours is "no-store"; Jetty's error pages come with
		// "must-revalidate,no-cache,no-store".
		assertThat(String.join(",", headers.allValues("Cache-Control"))).containsPattern("(^|,)\\s*no-store\\s*(,|$)");
	}

	private static void assertCommittedBeforeItsEnd(HttpHeaders headers) {
		// A response sent whole gets a Content-Length; one committed early cannot.
		assertThat(headers.firstValue("Content-Length")).isEmpty();
	}

}
