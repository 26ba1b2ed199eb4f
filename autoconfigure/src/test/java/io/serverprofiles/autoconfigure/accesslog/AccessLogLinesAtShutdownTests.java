package io.serverprofiles.autoconfigure.accesslog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.serverprofiles.autoconfigure.support.JsonLogLines;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import io.serverprofiles.autoconfigure.support.TestWebApplication;
import io.serverprofiles.test.ActiveRequests;
import io.serverprofiles.test.PackagedJar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod access log loses no line when the app is stopped: a process of its own serves
 * N requests, takes SIGTERM with requests still in flight (answered during the drain and
 * graceful shutdown), and its output has exactly one JSON access line per answered
 * request. The lines are written in batches, and here only when a batch is half full, so
 * the last ones are still buffered when the signal comes. The output goes to a file
 * (whole batches per write) or through a pipe, as a container runtime reads it (4 KB
 * writes).
 */
class AccessLogLinesAtShutdownTests {

	private static final int REQUESTS = 2000;

	private static final int IN_FLIGHT = 4;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@ParameterizedTest(name = "on {0}, output to a {1}")
	@MethodSource("containersAndOutputs")
	void everyAnsweredRequestHasItsLineAfterSigterm(ServerContainer container, Output output) throws Exception {
		try (PackagedJar app = output.launch(
				List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), TestWebApplication.class.getName()),
				"--server.port=0", container.selectingArgument(), "--server-profiles.mode=prod",
				"--server-profiles.prod.drain-delay=500ms", "--server-profiles.access-log.flush-interval=1h")) {
			URI base = URI.create("http://127.0.0.1:" + app.awaitPort());
			ExecutorService clients = Executors.newFixedThreadPool(8);
			try {
				List<Future<Integer>> answered = new ArrayList<>();
				for (int i = 0; i < REQUESTS; i++) {
					answered.add(clients.submit(get(base, "/text", "count-" + i)));
				}
				for (Future<Integer> status : answered) {
					assertThat(status.get()).isEqualTo(200);
				}
				List<Future<Integer>> inFlight = IntStream.range(0, IN_FLIGHT)
					.mapToObj((i) -> clients.submit(get(base, "/slow?ms=1500", "in-flight-" + i)))
					.toList();
				ActiveRequests.await(base, IN_FLIGHT, Duration.ofSeconds(10));
				app.terminate();
				for (Future<Integer> status : inFlight) {
					assertThat(status.get()).isEqualTo(200);
				}
			}
			finally {
				clients.shutdownNow();
			}
			List<String> ids = JsonLogLines.of(app.output())
				.stream()
				.filter((line) -> AccessLogFilter.LOGGER_NAME.equals(line.logger()))
				.map((line) -> line.field("http.request.id"))
				.filter((id) -> id.startsWith("count-") || id.startsWith("in-flight-"))
				.toList();
			assertThat(ids).as("access lines of the answered requests (output in %s)", app.outputFile())
				.hasSize(REQUESTS + IN_FLIGHT)
				.doesNotHaveDuplicates()
				.contains("count-0", "count-" + (REQUESTS - 1), "in-flight-0", "in-flight-" + (IN_FLIGHT - 1));
		}
	}

	private java.util.concurrent.Callable<Integer> get(URI base, String path, String id) {
		HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
			.header("X-Request-Id", id)
			.timeout(Duration.ofSeconds(30))
			.build();
		return () -> this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	static Stream<Arguments> containersAndOutputs() {
		return Stream.of(ServerContainer.values())
			.flatMap((container) -> Stream.of(Output.values()).map((output) -> Arguments.of(container, output)));
	}

	/**
	 * Where the app's stdout goes.
	 */
	enum Output {

		FILE, PIPE;

		PackagedJar launch(List<String> launch, String... arguments) throws IOException {
			return (this == FILE) ? PackagedJar.launch(launch, arguments)
					: PackagedJar.launchThroughPipe(launch, arguments);
		}

	}

}
