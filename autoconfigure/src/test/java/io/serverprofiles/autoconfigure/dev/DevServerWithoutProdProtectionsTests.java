package io.serverprofiles.autoconfigure.dev;

import io.serverprofiles.autoconfigure.support.RawHttp;
import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev server adds no security headers and checks no Host, even with prod settings
 * present.
 */
class DevServerWithoutProdProtectionsTests {

	private static final RawHttp RAW = RawHttp.from("127.0.0.1");

	private static final String[] PROD_HEADERS = { "Content-Security-Policy", "X-Content-Type-Options",
			"X-Frame-Options", "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy",
			"Cross-Origin-Resource-Policy", "Strict-Transport-Security" };

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void devModeAddsNoSecurityHeadersAndAllowsEveryHost(ServerContainer container) {
		try (RunningServer server = RunningServer.start(container, "--server-profiles.mode=dev",
				"--server-profiles.prod.allowed-hosts=app.example")) {
			RawHttp.Response ok = RAW.get(server.port(), "/text", "Host: not-listed.example");
			assertThat(ok.status()).isEqualTo(200);
			RawHttp.Response notFound = RAW.get(server.port(), "/no-such-page", "Host: not-listed.example");
			assertThat(notFound.status()).isEqualTo(404);
			for (String header : PROD_HEADERS) {
				assertThat(ok.header(header)).as(header).isNull();
				assertThat(notFound.header(header)).as(header).isNull();
			}
			assertThat(ok.header("Cache-Control")).isNull();
		}
	}

}
