package io.serverprofiles.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverprofiles.test.AppContainer;
import io.serverprofiles.test.ContainerSettings;
import io.serverprofiles.test.DeployBundle;
import io.serverprofiles.test.LoopbackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app's image, run as the rendered Kubernetes Deployment runs it (its memory limit
 * and JAVA_TOOL_OPTIONS), under load.
 * <ul>
 * <li>Overload: while slow requests hold every request thread, liveness on the management
 * port, which the Deployment's liveness probe and the image's HEALTHCHECK ask, still
 * answers 200 within the probes' 3s timeout, while readiness on the app's port does not:
 * a pod that is only busy is neither restarted nor marked unhealthy.</li>
 * <li>Memory: with the heap at its maximum from the start (pre-touched, as a long-running
 * instance's heap ends up), 220 slow requests and 20 uploads at the size limit, twice: no
 * OOM kill, and the JVM's peak RSS at least 64MiB under the limit. Measured here:
 * -Xmx448m (rendered) peaks at about 608MiB; a heap share of 75% (-Xmx576m) at about
 * 734MiB, which fails.</li>
 * </ul>
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageUnderLoadIT {

	private static final int SLOW_REQUESTS = 220;

	private static final int UPLOADS = 20;

	/**
	 * The rendered probes' timeoutSeconds.
	 */
	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

	/**
	 * What the process leaves of the limit for what the kernel charges to the container
	 * besides it: socket buffers, the page cache of the jar, the logs and the spooled
	 * uploads that cannot all be reclaimed at once.
	 */
	private static final long KERNEL_HEADROOM = 64L << 20;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private AppContainer app;

	private long limit;

	private String javaOptions;

	@BeforeAll
	void start(@TempDir Path directory) throws Exception {
		int[] ports = ContainerSettings.hostNetwork() ? LoopbackPorts.free(2) : new int[] { 8080, 8081 };
		DeployBundle bundle = DeployBundle.export(DemoJar.path(), directory.resolve("bundle"),
				List.of("--server.port=" + ports[0], "--management.server.port=" + ports[1]));
		DeploymentContainer deployment = DeploymentContainer.of(bundle);
		this.limit = deployment.memoryLimit();
		this.javaOptions = deployment.javaToolOptions();
		assertThat(this.javaOptions).contains("-Xmx");
		String heap = this.javaOptions.replaceAll(".*-Xmx(\\S+).*", "$1");
		this.app = deployment.run(new AppContainer(bundle.dockerfile(), DemoJar.path()),
				"-Xms" + heap + " -XX:+AlwaysPreTouch");
		this.app.start();
	}

	@AfterAll
	void stop() {
		if (this.app != null) {
			this.app.stop();
		}
	}

	@Test
	void livenessAnswersWhileSlowRequestsHoldEveryRequestThread() throws Exception {
		List<CompletableFuture<HttpResponse<Void>>> slow = new ArrayList<>();
		for (int i = 0; i < SLOW_REQUESTS; i++) {
			slow.add(send(HttpRequest.newBuilder(this.app.baseUri().resolve("/slow?ms=15000"))));
		}
		// Every request thread busy: readiness, on those threads, cannot answer in time.
		await().atMost(Duration.ofSeconds(10)).until(() -> probe(this.app.baseUri().resolve("/readyz")) == -1);
		for (int i = 0; i < 5; i++) {
			assertThat(probe(this.app.managementUri().resolve("/livez"))).as("liveness, attempt %d", i).isEqualTo(200);
		}
		assertThat(slow).allSatisfy((response) -> assertThat(response.join().statusCode()).isEqualTo(200));
	}

	@Test
	void underLoadWithItsHeapAtTheMaximumTheAppStaysUnderTheRenderedMemoryLimit() throws Exception {
		for (int round = 0; round < 2; round++) {
			load(this.app.baseUri());
		}
		var state = this.app.getCurrentContainerInfo().getState();
		long peakRss = peakRss(this.app);
		System.out.println("ImageUnderLoadIT: limit " + (this.limit >> 20) + "MiB, " + this.javaOptions
				+ ", the JVM's peak RSS " + (peakRss >> 20) + "MiB");
		assertThat(state.getOOMKilled()).as("killed for memory").isFalse();
		assertThat(state.getRunning()).as("running").isTrue();
		assertThat(peakRss).as("the JVM's peak RSS, leaving the kernel room for socket buffers and page cache")
			.isLessThanOrEqualTo(this.limit - KERNEL_HEADROOM);
		assertThat(this.app.getLogs()).doesNotContain("java.lang.OutOfMemoryError");
	}

	/**
	 * A probe as the kubelet sends it: the status, or -1 when no answer came within the
	 * probe's timeout.
	 */
	private int probe(URI uri) throws InterruptedException {
		try {
			return this.client
				.send(HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * 220 requests that hold a request thread for 2s each, and 20 uploads of 9MB (the
	 * size limit is 10MB) spooled to disk, all at once; every one must be answered 200.
	 */
	private void load(URI base) {
		List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>();
		for (int i = 0; i < SLOW_REQUESTS; i++) {
			responses.add(send(HttpRequest.newBuilder(base.resolve("/slow?ms=2000"))));
		}
		byte[] file = new byte[9 * 1024 * 1024];
		new Random(42).nextBytes(file);
		for (int i = 0; i < UPLOADS; i++) {
			responses.add(send(upload(base.resolve("/upload"), file)));
		}
		assertThat(responses).allSatisfy((response) -> assertThat(response.join().statusCode()).isEqualTo(200));
	}

	private CompletableFuture<HttpResponse<Void>> send(HttpRequest.Builder request) {
		return this.client.sendAsync(request.timeout(Duration.ofSeconds(120)).build(),
				HttpResponse.BodyHandlers.discarding());
	}

	private static HttpRequest.Builder upload(URI uri, byte[] file) {
		String boundary = "memory-limit-boundary";
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[head.length + file.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file, 0, body, head.length, file.length);
		System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
	}

	private static long peakRss(AppContainer app) throws Exception {
		String status = app.execInContainer("cat", "/proc/1/status").getStdout();
		Matcher peak = Pattern.compile("(?m)^VmHWM:\\s+(\\d+) kB$").matcher(status);
		assertThat(peak.find()).as("VmHWM in /proc/1/status").isTrue();
		return Long.parseLong(peak.group(1)) << 10;
	}

}
