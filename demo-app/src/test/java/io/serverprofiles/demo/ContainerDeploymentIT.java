package io.serverprofiles.demo;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverprofiles.test.ActiveRequests;
import io.serverprofiles.test.AppBehindNginx;
import io.serverprofiles.test.ContainerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo as users deploy it in containers: its image built from the rendered Dockerfile
 * and the packaged jar, nginx in front with the rendered site. Skipped without Docker;
 * {@link DockerRequirementIT} fails instead when CI requires Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerDeploymentIT {

	private static final long LOADED = System.nanoTime();

	private static final long JVM_EXIT_ON_SIGTERM = 143;

	private static final Pattern CLIENT_IP = Pattern.compile("\"client\\.ip\":\"([^\"]+)\"");

	@Container
	static final AppBehindNginx deployment = new AppBehindNginx(DemoJar.path());

	private static long started;

	@BeforeAll
	static void started() {
		started = System.nanoTime();
		System.out.println("container tier: image built and app and nginx started in " + millis(LOADED, started)
				+ " ms (" + (ContainerSettings.hostNetwork() ? "host network" : "mapped ports") + ", JRE image "
				+ ContainerSettings.jreImage() + ", nginx image " + ContainerSettings.nginxImage() + ")");
	}

	@AfterAll
	static void finished() {
		long now = System.nanoTime();
		System.out.println(
				"container tier: tests took " + millis(started, now) + " ms, " + millis(LOADED, now) + " ms in all");
	}

	@Test
	void requestsThroughNginxReachTheAppInProdMode() throws Exception {
		HttpResponse<String> response = get("/api/hello");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Server")).hasValue("nginx");
		assertThat(response.body()).contains("\"mode\":\"prod\"");
	}

	@Test
	void theAppSeesTheClientAddressAndHttpsThroughTheTrustedProxy() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(deployment.httpsUri("/api/hello")).header("X-Request-Id", "container-seen-1"));
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("container-seen-1");
		String nginxLine = LogLines.await(() -> deployment.nginx().getLogs(), "container-seen-1");
		Matcher clientIp = CLIENT_IP.matcher(nginxLine);
		assertThat(clientIp.find()).as(nginxLine).isTrue();
		if (ContainerSettings.hostNetwork()) {
			assertThat(clientIp.group(1)).isEqualTo("127.0.0.1");
		}
		String appLine = LogLines.await(() -> deployment.app().getLogs(), "container-seen-1");
		assertThat(appLine).contains("\"" + clientIp.group(1) + "\"").contains("\"https\"").contains("/api/hello");
	}

	@Test
	void theActuatorIsNotBehindNginxAndReadinessIs() throws Exception {
		// The image puts the actuator on its own port, which nginx never proxies.
		for (String endpoint : new String[] { "env", "prometheus", "health" }) {
			assertThat(get("/actuator/" + endpoint).statusCode()).as(endpoint).isEqualTo(404);
		}
		assertThat(get("/readyz").statusCode()).isEqualTo(200);
	}

	@Test
	void theImagesHealthcheckTurnsHealthy() {
		await("Docker's health status of the app").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> deployment.app().getHealthStatus(), "healthy"::equals);
	}

	@Test
	void theAppRunsAsTheUnprivilegedUser() throws Exception {
		String status = deployment.app().execInContainer("cat", "/proc/1/status").getStdout();
		assertThat(status).as("java is PID 1").containsPattern("(?m)^Name:\\s+java$");
		assertThat(status).containsPattern("(?m)^Uid:\\s+10001\\s+10001\\s+10001\\s+10001$");
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void dockerStopLetsAnInFlightRequestFinishAndTheAppShutsDownGracefullyInTheGracePeriod() throws Exception {
		CompletableFuture<HttpResponse<String>> slow = deployment.httpClient()
			.sendAsync(HttpRequest.newBuilder(deployment.httpsUri("/slow?ms=3000")).build(),
					HttpResponse.BodyHandlers.ofString());
		ActiveRequests.awaitOnManagementPort(deployment.app().managementUri(), 1, Duration.ofSeconds(10));
		long stopping = System.nanoTime();
		long exitCode = deployment.app().stopGracefully(Duration.ofSeconds(35));
		long stopped = System.nanoTime();
		HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
		System.out.println("container tier: docker stop took " + millis(stopping, stopped) + " ms, exit code "
				+ exitCode + ", in-flight request " + response.statusCode());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(millis(stopping, stopped)).isLessThan(35_000);
		assertThat(deployment.app().getLogs()).contains("Graceful shutdown complete");
		// The JVM's own exit on SIGTERM once its shutdown hooks ran (128 + 15); Docker's
		// SIGKILL at the end of the grace period would be 137.
		assertThat(exitCode).isEqualTo(JVM_EXIT_ON_SIGTERM);
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(deployment.httpsUri(path)));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return deployment.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long millis(long from, long to) {
		return TimeUnit.NANOSECONDS.toMillis(to - from);
	}

}
