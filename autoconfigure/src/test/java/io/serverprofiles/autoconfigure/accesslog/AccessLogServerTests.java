package io.serverprofiles.autoconfigure.accesslog;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The prod server's access log: one JSON line per request with the real client address
 * and scheme, and the request id in and out.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogServerTests extends StartedServerTests {

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod", "--server-profiles.prod.trusted-proxies=127.0.0.1" };
	}

	@Test
	void logsOneJsonLineWithTheRealClientStatusBytesAndId(CapturedOutput output) {
		RawHttp.Response response = RawHttp.to(server().port())
			.from("127.0.0.1")
			.get("/text", "X-Forwarded-For: 203.0.113.7", "X-Forwarded-Proto: https", "X-Request-Id: order-42.a");
		assertThat(response.header("X-Request-Id")).hasValue("order-42.a");
		String line = logLine(output, "order-42.a");
		assertThat(line).startsWith("{")
			.contains("203.0.113.7 \\\"GET /text\\\" 200 6600B")
			.contains("\"client\":{\"ip\":\"203.0.113.7\"}")
			.contains("\"response\":{\"status_code\":200,\"body\":{\"bytes\":6600}}")
			.contains("\"id\":\"order-42.a\"")
			.contains("\"url\":{\"path\":\"/text\",\"scheme\":\"https\"}")
			.contains("\"event\":{\"duration\":");
	}

	@Test
	void createsAnIdWhenNoneOrAnUnsafeOneIsSent(CapturedOutput output) {
		String created = server().get("/text").headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(created).matches("[0-9a-f-]{36}");
		String replaced = server().get("/text", "X-Request-Id", "bad id {\"x\":1}")
			.headers()
			.firstValue("X-Request-Id")
			.orElseThrow();
		assertThat(replaced).matches("[0-9a-f-]{36}");
		assertThat(output).doesNotContain("bad id");
	}

	@Test
	void theApplicationSeesTheIdInTheMdc() {
		HttpResponse<String> response = server().get("/request-id", "X-Request-Id", "trace-7");
		assertThat(response.body()).isEqualTo("trace-7");
	}

	@Test
	void failuresAreLoggedWithTheirStatusAndTheErrorPagesSize(CapturedOutput output) {
		// Boot writes the error page after the request's filters have returned.
		HttpResponse<String> boom = server().get("/boom", "X-Request-Id", "boom-1");
		HttpResponse<String> missing = server().get("/no-such-page", "X-Request-Id", "missing-1");
		assertThat(boom.body()).isNotEmpty();
		assertThat(logLine(output, "boom-1")).contains("\"response\":{\"status_code\":500,\"body\":{\"bytes\":"
				+ boom.body().getBytes(StandardCharsets.UTF_8).length + "}}");
		assertThat(logLine(output, "missing-1")).contains("\"response\":{\"status_code\":404,\"body\":{\"bytes\":"
				+ missing.body().getBytes(StandardCharsets.UTF_8).length + "}}");
	}

	@Test
	void probesAreNotLoggedByDefault(CapturedOutput output) {
		server().get("/readyz", "X-Request-Id", "readyz-7");
		server().get("/text", "X-Request-Id", "text-8");
		logLine(output, "text-8");
		assertThat(output).doesNotContain("readyz-7");
	}

	private String logLine(CapturedOutput output, String id) {
		return await().alias("an access log line for " + id)
			.atMost(Duration.ofSeconds(5))
			.until(() -> findLogLine(output, id), Objects::nonNull);
	}

	private static String findLogLine(CapturedOutput output, String id) {
		for (String line : output.getOut().split("\n")) {
			if (line.contains("io.serverprofiles.access") && line.contains("id=" + id)) {
				return line;
			}
		}
		return null;
	}

}
