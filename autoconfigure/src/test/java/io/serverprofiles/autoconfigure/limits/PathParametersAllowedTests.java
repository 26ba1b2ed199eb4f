package io.serverprofiles.autoconfigure.limits;

import java.util.LinkedHashMap;
import java.util.Map;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code server-profiles.prod.limits.allow-path-parameters=true} the prod server
 * serves paths with {@code ;} parameters as the container does, the way it did before
 * they were refused.
 */
class PathParametersAllowedTests {

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void pathsWithParametersAreServedAsTheContainerServesThem(ServerContainer container) {
		try (RunningServer server = RunningServer.start(container, "--server-profiles.mode=prod",
				"--server-profiles.prod.limits.allow-path-parameters=true")) {
			Map<String, Integer> statuses = new LinkedHashMap<>();
			for (String path : new String[] { "/actuator;/prometheus", "/actuator/health;x", "/api%3Bx",
					"/text;jsessionid=abc" }) {
				statuses.put(path,
						RawHttp.to(server.port())
							.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
							.status());
			}
			assertThat(statuses).containsExactly(Map.entry("/actuator;/prometheus", 200),
					Map.entry("/actuator/health;x", 200), Map.entry("/api%3Bx", 404),
					Map.entry("/text;jsessionid=abc", 200));
		}
	}

}
