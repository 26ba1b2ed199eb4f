package io.serverprofiles.autoconfigure.dev;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev server adds no security headers and ignores the prod Host allow-list, even with
 * prod settings present: its own Host check answers loopback names and refuses others
 * with a 403.
 */
class DevServerWithoutProdProtectionsTests {

	private static final String[] PROD_HEADERS = { "Content-Security-Policy", "X-Content-Type-Options",
			"X-Frame-Options", "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy",
			"Cross-Origin-Resource-Policy", "Strict-Transport-Security" };

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void devModeAddsNoSecurityHeadersAndIgnoresTheProdAllowList(ServerContainer container) {
		try (RunningServer server = RunningServer.start(container, "--server-profiles.mode=dev",
				"--server-profiles.prod.allowed-hosts=app.example")) {
			RawHttp raw = RawHttp.to(server.port()).from("127.0.0.1");
			RawHttp.Response ok = raw.get("/text", "Host: localhost");
			assertThat(ok.status()).isEqualTo(200);
			RawHttp.Response notFound = raw.get("/no-such-page", "Host: localhost");
			assertThat(notFound.status()).isEqualTo(404);
			RawHttp.Response refused = raw.get("/text", "Host: not-listed.example");
			assertThat(refused.status()).isEqualTo(403);
			for (String header : PROD_HEADERS) {
				assertThat(ok.header(header)).as(header).isEmpty();
				assertThat(notFound.header(header)).as(header).isEmpty();
				assertThat(refused.header(header)).as(header).isEmpty();
			}
			assertThat(ok.header("Cache-Control")).isEmpty();
		}
	}

}
