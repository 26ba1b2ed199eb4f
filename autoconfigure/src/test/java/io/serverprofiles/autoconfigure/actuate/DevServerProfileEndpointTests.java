package io.serverprofiles.autoconfigure.actuate;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In dev the endpoint is exposed without asking; in prod only when the user exposes it.
 */
class DevServerProfileEndpointTests {

	@Test
	void theDevServerExposesItByDefault() {
		try (RunningServer server = RunningServer.start(ServerContainer.JETTY, "--server-profiles.mode=dev")) {
			String body = server.get("/actuator/serverprofile").body();
			assertThat(body).contains("\"mode\":\"dev\"")
				.contains("\"address\":\"127.0.0.1\"")
				.contains("\"evaluated\":false");
		}
	}

	@Test
	void theProdServerHidesItByDefault() {
		try (RunningServer server = RunningServer.start(ServerContainer.TOMCAT, "--server-profiles.mode=prod")) {
			assertThat(server.get("/actuator/serverprofile").statusCode()).isEqualTo(404);
		}
	}

}
