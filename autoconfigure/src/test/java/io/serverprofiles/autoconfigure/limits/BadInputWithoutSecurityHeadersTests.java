package io.serverprofiles.autoconfigure.limits;

import java.nio.charset.StandardCharsets;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the security headers switched off, a request the container refuses itself still
 * gets the short JSON answer in UTF-8 that no cache keeps: those are the bad-input
 * answer's own, not the security headers'.
 */
class BadInputWithoutSecurityHeadersTests {

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void aContainerRefusalIsStillShortJsonThatIsNotStored(ServerContainer container) {
		try (RunningServer server = RunningServer.start(container, "--server-profiles.mode=prod",
				"--server-profiles.prod.headers.enabled=false")) {
			RawHttp.Response response = RawHttp.to(server.port())
				.send("GET /livez HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(9000) + "\r\n\r\n");
			assertThat(response.status()).isEqualTo(431);
			MediaType type = MediaType.parseMediaType(response.header("Content-Type").orElseThrow());
			assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
			assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(response.header("Cache-Control")).hasValue("no-store");
			assertThat(response.header("X-Content-Type-Options")).isEmpty();
			assertThat(response.body())
				.isEqualTo("{\"status\":431,\"error\":\"Request Header Fields Too Large\",\"path\":\"/livez\"}");
		}
	}

}
