package io.serverprofiles.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverprofiles.test.AppContainer;
import io.serverprofiles.test.ContainerSettings;
import io.serverprofiles.test.DeployBundle;
import io.serverprofiles.test.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

import static io.serverprofiles.demo.ExportedBundle.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo under the rendered Kubernetes memory limit and heap, with its heap at the
 * maximum from the start (pre-touched, as a long-running instance's heap ends up), then
 * loaded with 220 concurrent slow requests and 20 concurrent uploads at the size limit,
 * twice: it must end running, never killed for memory. The kernel kills a container that
 * passes its limit without the JVM seeing any heap pressure, which is what a heap share
 * of 75% did (576MB of heap beside about 200MB of non-heap under 768MB).
 */
@Testcontainers(disabledWithoutDocker = true)
class MemoryLimitIT {

	private static final int SLOW_REQUESTS = 220;

	private static final int UPLOADS = 20;

	/**
	 * What the process leaves of the limit for what the kernel charges to the container
	 * besides it: socket buffers, the page cache of the jar, the logs and the spooled
	 * uploads that cannot all be reclaimed at once.
	 */
	private static final long KERNEL_HEADROOM = 64L << 20;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void underLoadWithItsHeapAtTheMaximumTheAppStaysUnderTheRenderedMemoryLimit(@TempDir Path directory)
			throws Exception {
		int port = ContainerSettings.hostNetwork() ? LoopbackPorts.free(1)[0] : 8080;
		DeployBundle bundle = DeployBundle.export(DemoJar.path(), directory.resolve("bundle"),
				List.of("--server.port=" + port));
		Map<String, Object> container = at(ExportedBundle.read(bundle.directory()).yaml("kubernetes/deployment.yaml"),
				"spec.template.spec.containers.0");
		long limit = mebibytes(at(container, "resources.limits.memory"));
		String javaOptions = javaToolOptions(container);
		assertThat(javaOptions).contains("-Xmx");
		try (AppContainer app = new AppContainer(bundle.dockerfile(), DemoJar.path())) {
			String heap = javaOptions.replaceAll(".*-Xmx(\\S+).*", "$1");
			app.withEnv("JAVA_TOOL_OPTIONS", javaOptions + " -Xms" + heap + " -XX:+AlwaysPreTouch")
				.withCreateContainerCmdModifier(
						(create) -> create.getHostConfig().withMemory(limit).withMemorySwap(limit));
			app.start();
			for (int round = 0; round < 2; round++) {
				load(app.baseUri());
			}
			var state = app.getCurrentContainerInfo().getState();
			long peakRss = peakRss(app);
			System.out.println("MemoryLimitIT: limit " + (limit >> 20) + "MiB, " + javaOptions + ", the JVM's peak RSS "
					+ (peakRss >> 20) + "MiB");
			assertThat(state.getOOMKilled()).as("killed for memory").isFalse();
			assertThat(state.getRunning()).as("running").isTrue();
			assertThat(peakRss).as("the JVM's peak RSS, leaving the kernel room for socket buffers and page cache")
				.isLessThanOrEqualTo(limit - KERNEL_HEADROOM);
			assertThat(app.getLogs()).doesNotContain("java.lang.OutOfMemoryError");
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

	private static String javaToolOptions(Map<String, Object> container) {
		List<Map<String, Object>> env = at(container, "env");
		return env.stream()
			.filter((variable) -> "JAVA_TOOL_OPTIONS".equals(variable.get("name")))
			.map((variable) -> (String) variable.get("value"))
			.findFirst()
			.orElseThrow();
	}

	private static long mebibytes(String quantity) {
		assertThat(quantity).endsWith("Mi");
		return Long.parseLong(quantity.substring(0, quantity.length() - 2)) << 20;
	}

}
