package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;
import java.util.List;

import io.serverprofiles.autoconfigure.accesslog.AccessLogFilter;
import io.serverprofiles.autoconfigure.support.JsonLogLines;
import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bodies read ahead of their handler, with small limits so that each path ends within a
 * few seconds: 16KB of memory for bodies in flight (503 past it, and each body gives its
 * share back), a 300ms grace period before the minimum rate (408 when a body of declared
 * length stops arriving) and a 3s read timeout (408 when a chunked body stops). Tomcat
 * looks at asynchronous timeouts once a second, so the read timeout must leave the 300ms
 * deadline more than that. {@link SlowBodyTests} covers the same paths at the defaults,
 * and under load.
 */
@ExtendWith(OutputCaptureExtension.class)
class BodyReadAheadTests extends StartedServerTests {

	private static final String REFUSAL_LOGGER = RefusalLog.class.getName();

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod", "--server-profiles.prod.limits.read-ahead-size=16KB",
				"--server-profiles.prod.limits.body-grace-period=300ms", "--server-profiles.prod.connection-timeout=3s",
				"--server-profiles.prod.keep-alive-timeout=1s", "--server-profiles.prod.limits.refusal-log-rate=1000" };
	}

	@Test
	void aBodyLargerThanTheReadAheadMemoryIsAnswered503(CapturedOutput output) {
		RawHttp.Response response = RawHttp.to(server().port()).send(postJson(json(20_000)));
		assertRefused(response, output, 503, "Service Unavailable",
				"Refused POST /limits/json with 503: request bodies in memory reached "
						+ "server-profiles.prod.limits.read-ahead-size; retry later");
	}

	@Test
	void eachBodyGivesItsMemoryBackWhenItsRequestEnds() {
		// Five bodies of 7KB one after another: together 35KB, more than twice the 16KB.
		// Two fit at once, since a body's memory comes back when the container ends its
		// request, which may be just after the client has read the response.
		for (int i = 0; i < 5; i++) {
			RawHttp.Response response = RawHttp.to(server().port()).send(postJson(json(7_000)));
			assertThat(response.status()).as("body %d", i + 1).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"keys\":1}");
		}
	}

	@Test
	void aBodyThatStopsBeforeItsLengthIsAnswered408AtItsDeadline(CapturedOutput output) {
		// 50 bytes at 240 bytes a second take less than the 300ms grace period.
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			connection.write("POST /limits/json HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 50\r\n\r\n{");
			assertRefused(connection.readResponse(), output, 408, "Request Timeout",
					"Refused POST /limits/json with 408: body of 50B not received within 300ms, slower than "
							+ "server-profiles.prod.limits.min-body-rate (240B per second after 300ms)");
		}
	}

	@Test
	void aChunkedBodyThatStopsIsAnswered408ByTheReadTimeout(CapturedOutput output) {
		// A body of unknown length has no deadline of its own: the connection's read
		// timeout ends it.
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			connection.write("POST /limits/json HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n");
			assertRefused(connection.readResponse(), output, 408, "Request Timeout",
					"Refused POST /limits/json with 408: no body bytes within the connection's read timeout "
							+ "(server-profiles.prod.connection-timeout)");
		}
	}

	@Test
	void aClientThatLeavesMidBodyIsLoggedOnceWithoutAnError(CapturedOutput output) {
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			connection.write("POST /limits/json HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "X-Request-Id: left-mid-body\r\nContent-Length: 100\r\n\r\n{\"a\":");
		}
		// Its own line, by its id (a line of an earlier test's request may be written
		// late), with 400, as nginx logs it: not the 500 Tomcat sets on a failed
		// asynchronous request, nor Jetty's own answer to the failed read.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(JsonLogLines.of(output.getOut()))
				.filteredOn((line) -> AccessLogFilter.LOGGER_NAME.equals(line.logger())
						&& "left-mid-body".equals(line.field("http.request.id")))
				.singleElement()
				.satisfies((line) -> assertThat(line.field("http.response.status_code")).isEqualTo("400")));
		assertNoErrors(JsonLogLines.of(output.getOut()));
		assertThat(RawHttp.to(server().port()).send(postJson(json(16_000))).status()).isEqualTo(200);
	}

	private void assertRefused(RawHttp.Response response, CapturedOutput output, int status, String error,
			String refusal) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("Connection")).hasValue("close");
		assertThat(response.body())
			.isEqualTo("{\"status\":" + status + ",\"error\":\"" + error + "\",\"path\":\"/limits/json\"}");
		List<JsonLogLines.Line> logged = JsonLogLines.of(output.getOut());
		assertThat(logged).filteredOn((line) -> REFUSAL_LOGGER.equals(line.logger()))
			.singleElement()
			.satisfies((line) -> {
				assertThat(line.level()).isEqualTo("INFO");
				assertThat(line.message()).isEqualTo(refusal);
			});
		assertNoErrors(logged);
		// The refusal gave its memory back: a body filling the whole budget is served.
		assertThat(RawHttp.to(server().port()).send(postJson(json(16_000))).status()).isEqualTo(200);
	}

	private static void assertNoErrors(List<JsonLogLines.Line> logged) {
		assertThat(logged).as("lines at ERROR").filteredOn((line) -> "ERROR".equals(line.level())).isEmpty();
		assertThat(logged).as("lines with an exception")
			.filteredOn((line) -> line.has("error.type") || line.has("error.stack_trace"))
			.isEmpty();
	}

	private static String postJson(String body) {
		return "POST /limits/json HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
				+ body.length() + "\r\nConnection: close\r\n\r\n" + body;
	}

	/** A JSON object of one key, {@code length} bytes long. */
	private static String json(int length) {
		return "{\"a\":\"" + "x".repeat(length - 8) + "\"}";
	}

}
