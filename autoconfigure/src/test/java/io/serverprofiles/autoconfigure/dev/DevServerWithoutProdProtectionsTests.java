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

	private static final String[] PROD_HEADERS = { "Content-Security-Policy", "X-Content-Type-Options",
			"X-Frame-Options", "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy",
			"Cross-Origin-Resource-Policy", "Strict-Transport-Security" };

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void devModeAddsNoSecurityHeadersAndAllowsEveryHost(ServerContainer container) {
		try (RunningServer server = RunningServer.start(container, "--server-profiles.mode=dev",
				"--server-profiles.prod.allowed-hosts=app.example")) {
			RawHttp.Response ok = RawHttp.get(server.port(), "not-listed.example", "/text");
			assertThat(ok.status()).isEqualTo(200);
			RawHttp.Response notFound = RawHttp.get(server.port(), "not-listed.example", "/no-such-page");
			assertThat(notFound.status()).isEqualTo(404);
			for (String header : PROD_HEADERS) {
				assertThat(ok.headers().containsHeader(header)).as(header).isFalse();
				assertThat(notFound.headers().containsHeader(header)).as(header).isFalse();
			}
			assertThat(ok.headers().containsHeader("Cache-Control")).isFalse();
		}
	}

}
