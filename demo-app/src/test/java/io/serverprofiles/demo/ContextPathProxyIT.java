package io.serverprofiles.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.serverprofiles.test.Nginx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo under a context path behind its rendered nginx: the closed actuator and the
 * open probes follow the context path (nginx used to close /actuator/ and leave
 * /app/actuator/prometheus open).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextPathProxyIT {

	private ProxiedDemo demo;

	@BeforeAll
	void start() throws Exception {
		Nginx.assumeInstalled();
		this.demo = ProxiedDemo.start(1, List.of("--server.servlet.context-path=/app"), List.of());
	}

	@AfterAll
	void stop() throws Exception {
		if (this.demo != null) {
			this.demo.close();
		}
	}

	@Test
	void theActuatorUnderTheContextPathIsClosedByNginxAndAbsentFromTheAppsPort() throws Exception {
		// nginx's own answer: its closed location, kept as defence in depth.
		for (String path : new String[] { "/app/actuator/prometheus", "/app/actuator/env", "/app/actuator/info" }) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).isEqualTo("{\"status\":404,\"error\":\"Not Found\"}");
		}
		// Health passes nginx, and the app's port has no actuator: the app's own 404.
		HttpResponse<String> health = get("/app/actuator/health");
		assertThat(health.statusCode()).isEqualTo(404);
		assertThat(health.body()).contains("\"path\":\"/app/actuator/health\"");
	}

	@Test
	void readinessUnderTheContextPathAnswersAndLivenessIsOnTheManagementPortOnly() throws Exception {
		assertThat(get("/app/readyz").statusCode()).isEqualTo(200);
		assertThat(get("/app/livez").statusCode()).isEqualTo(404);
		assertThat(get("/app/api/hello").statusCode()).isEqualTo(200);
		// The management port has no context path.
		HttpResponse<String> liveness = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.demo.managementPort(0) + "/livez"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(liveness.statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.demo.client()
			.send(HttpRequest.newBuilder(this.demo.https(path)).version(HttpClient.Version.HTTP_1_1).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
