package io.serverprofiles.autoconfigure.prod;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The prod server with the actuator on its own port, as every rendered bundle runs it:
 * liveness is answered there, on the management server's own connector and threads, and
 * readiness on the main port, so that request load starves readiness (the instance gets
 * no more traffic) but never liveness (the instance is not restarted for being busy).
 * <p>
 * No timing is asserted beyond the client's timeout, which is the rendered probes'
 * {@code timeoutSeconds}.
 */
class ProbePortsTests {

	/**
	 * The rendered probes' timeoutSeconds (Kubernetes, compose, the Dockerfile).
	 */
	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

	private static final int REQUEST_THREADS = 8;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(PROBE_TIMEOUT)
		.build();

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void livenessIsOnTheManagementPortAndReadinessOnTheMainPort(ServerContainer container) throws Exception {
		try (RunningServer server = RunningServer.start(container, "--server-profiles.mode=prod",
				"--management.server.port=0")) {
			int managementPort = managementPort(server);
			assertThat(get(server.port(), "/readyz")).isEqualTo(200);
			assertThat(get(managementPort, "/livez")).isEqualTo(200);
			assertThat(get(managementPort, "/actuator/health/liveness")).isEqualTo(200);
			// Each probe where it means something, and nowhere else.
			assertThat(get(server.port(), "/livez")).isEqualTo(404);
			assertThat(get(managementPort, "/readyz")).isEqualTo(404);
		}
	}

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void livenessAnswersWhileSlowRequestsHoldEveryRequestThread(ServerContainer container) throws Exception {
		try (RunningServer server = RunningServer.start(container, "--server-profiles.mode=prod",
				"--management.server.port=0", "--server.tomcat.threads.max=" + REQUEST_THREADS,
				"--server.tomcat.threads.min-spare=1", "--server.jetty.threads.max=" + REQUEST_THREADS,
				"--server.jetty.threads.min=" + REQUEST_THREADS, "--server-profiles.prod.shutdown-timeout=1s")) {
			int managementPort = managementPort(server);
			List<CompletableFuture<HttpResponse<Void>>> slow = new ArrayList<>();
			try {
				for (int i = 0; i < REQUEST_THREADS * 3; i++) {
					slow.add(this.client.sendAsync(HttpRequest.newBuilder(uri(server.port(), "/slow?ms=20000")).build(),
							HttpResponse.BodyHandlers.discarding()));
				}
				// Saturated: readiness on the main port waits behind the slow
				// requests longer than a probe waits, so the platform takes the
				// instance out of traffic.
				await().atMost(Duration.ofSeconds(15))
					.untilAsserted(() -> assertThatExceptionOfType(HttpTimeoutException.class)
						.isThrownBy(() -> get(server.port(), "/readyz")));
				assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> get(server.port(), "/text"));
				// Liveness, on the management port's own threads, still answers in time.
				for (int i = 0; i < 5; i++) {
					assertThat(get(managementPort, "/livez")).isEqualTo(200);
				}
				assertThat(slow).noneMatch(CompletableFuture::isDone);
			}
			finally {
				slow.forEach((request) -> request.cancel(true));
			}
		}
	}

	private int get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(uri(port, path)).timeout(PROBE_TIMEOUT).build();
		return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static int managementPort(RunningServer server) {
		int port = server.context().getEnvironment().getRequiredProperty("local.management.port", Integer.class);
		assertThat(port).isNotEqualTo(server.port());
		return port;
	}

}
