package io.serverprofiles.autoconfigure.limits;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.serverprofiles.autoconfigure.support.JsonLogLines;
import io.serverprofiles.autoconfigure.support.Slowloris;
import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Request bodies sent slowly to the prod server, at its default minimum rate (240 bytes a
 * second) with a 1s grace period: a body slower than the rate is answered 408, whether
 * the server reads it ahead or the handler reads it; and while more slow bodies arrive
 * than the server has request threads, ordinary requests are still served, because a body
 * is read ahead without a thread.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlowBodyTests extends StartedServerTests {

	private static final String REFUSAL_LOGGER = RefusalLog.class.getName();

	private static final Duration SLOW_BODIES_BOUND = Duration.ofSeconds(60);

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod", "--server-profiles.prod.limits.refusal-log-rate=1000" };
	}

	@Test
	void aBodyReadAheadSlowerThanTheMinimumRateIsAnswered408(CapturedOutput output) throws InterruptedException {
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			connection.write("POST /limits/json HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 1000\r\n\r\n{");
			assertRefusedAsTooSlow(trickleUntilAnswered(connection, "x"), "/limits/json", output);
		}
	}

	@Test
	void aChunkedBodySlowerThanTheMinimumRateIsAnswered408(CapturedOutput output) throws InterruptedException {
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			connection.write("POST /limits/stream HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n");
			assertRefusedAsTooSlow(trickleUntilAnswered(connection, "1\r\nx\r\n"), "/limits/stream", output);
		}
	}

	@Test
	void aFormBodyIsReadByTheContainerAndServed() {
		HttpResponse<String> response = server().send(HttpRequest.newBuilder(server().uri("/limits/form"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("a=1&b=2"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("{\"fields\":2}");
	}

	@Test
	void aBodyThatStopsArrivingIsAnswered408ByItsDeadline(CapturedOutput output) {
		// 100 bytes at 240 bytes a second may take the grace period, 5s; none come.
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			connection.write("POST /limits/json HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 100\r\n\r\n{");
			assertRefusedAsTooSlow(connection.readResponse(), "/limits/json", output);
		}
	}

	@Test
	void aBodyReadAheadReachesItsHandlerAndIsLoggedOnce(CapturedOutput output) {
		HttpResponse<String> response = postJson("/limits/json", "{\"a\":\"1\",\"b\":\"2\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"keys\":2}");
		assertLoggedOnce(response, output);
	}

	@Test
	void anAsyncHandlerReadsABodyReadAheadAndIsLoggedOnce(CapturedOutput output) {
		HttpResponse<String> response = postJson("/limits/async-json", "{\"a\":\"1\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"keys\":1}");
		assertLoggedOnce(response, output);
	}

	private void assertLoggedOnce(HttpResponse<String> response, CapturedOutput output) {
		// The access log writes its line once the request is complete, which may be
		// after the client has read the response.
		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(JsonLogLines.of(output.getOut()))
				.filteredOn((line) -> id.equals(line.field("http.request.id")))
				.singleElement()
				.satisfies((line) -> assertThat(line.field("http.response.status_code")).isEqualTo("200")));
	}

	@Test
	void aBodySentWithinTheGracePeriodIsRead() throws InterruptedException {
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			connection.write("POST /limits/json HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 9\r\n\r\n{\"a\":");
			Thread.sleep(300);
			connection.write("\"1\"}");
			RawHttp.Response response = connection.readResponse();
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"keys\":1}");
		}
	}

	@Test
	void ordinaryRequestsSucceedWhileMoreSlowBodiesArriveThanTheServerHasThreads() {
		// 400 bodies, one byte a second, against 200 request threads: each is answered
		// 408 after the grace period and replaced by another, twice over. Ordinary
		// requests, half of them with a body, must not wait for a thread meanwhile.
		// (With read-ahead-size=0, on either container, most of them time out.)
		long bound = System.nanoTime() + SLOW_BODIES_BOUND.toNanos();
		int sent = 0;
		int served = 0;
		try (Slowloris bodies = Slowloris.startBodies(server().port(), 400, Duration.ofSeconds(1), "/limits/json")) {
			while (bodies.closedByServer() < 800 && System.nanoTime() < bound) {
				sent++;
				if (succeeds((sent % 2 == 0) ? "/livez" : null)) {
					served++;
				}
			}
			assertThat(bodies.closedByServer()).as("slow bodies ended by the server").isGreaterThanOrEqualTo(800);
		}
		assertThat(sent).isGreaterThanOrEqualTo(20);
		assertThat((double) served / sent).as("ordinary requests served: %d of %d", served, sent)
			.isGreaterThanOrEqualTo(0.99);
	}

	private boolean succeeds(String getPath) {
		HttpRequest.Builder request = (getPath != null) ? HttpRequest.newBuilder(server().uri(getPath))
				: HttpRequest.newBuilder(server().uri("/limits/json"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"a\":\"1\"}"));
		try {
			HttpResponse<String> response = server().sendOnNewConnection(request.timeout(Duration.ofSeconds(3)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private HttpResponse<String> postJson(String path, String json) {
		return server().send(HttpRequest.newBuilder(server().uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Send a piece of the body every 300ms, about 3 bytes a second, until the server
	 * answers.
	 */
	private static RawHttp.Response trickleUntilAnswered(RawHttp.Connection connection, String piece)
			throws InterruptedException {
		AtomicBoolean answered = new AtomicBoolean();
		Thread trickler = new Thread(() -> {
			try {
				while (!answered.get() && connection.write(piece)) {
					Thread.sleep(300);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		trickler.start();
		try {
			return connection.readResponse();
		}
		finally {
			answered.set(true);
			trickler.join();
		}
	}

	private void assertRefusedAsTooSlow(RawHttp.Response response, String path, CapturedOutput output) {
		assertThat(response.status()).isEqualTo(408);
		assertThat(response.header("Connection")).hasValue("close");
		assertThat(response.body())
			.isEqualTo("{\"status\":408,\"error\":\"Request Timeout\",\"path\":\"" + path + "\"}");
		List<JsonLogLines.Line> logged = JsonLogLines.of(output.getOut());
		assertThat(logged).filteredOn((line) -> REFUSAL_LOGGER.equals(line.logger()))
			.singleElement()
			.satisfies((line) -> {
				assertThat(line.level()).isEqualTo("INFO");
				assertThat(line.message()).startsWith("Refused POST " + path + " with 408: ")
					.contains("server-profiles.prod.limits.min-body-rate");
			});
		assertThat(logged).as("lines at ERROR").filteredOn((line) -> "ERROR".equals(line.level())).isEmpty();
	}

}
