package io.serverprofiles.autoconfigure.accesslog;

import java.time.Duration;
import java.util.List;

import io.serverprofiles.autoconfigure.support.JsonLogLines;
import io.serverprofiles.autoconfigure.support.StartedServerTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the structured JSON customised ({@code logging.structured.json.*}), the prod
 * access log cannot write Boot's line itself: its line goes through the logger and
 * carries the customisation like every other line.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogThroughTheLoggerTests extends StartedServerTests {

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod", "--logging.structured.json.add.team=shop" };
	}

	@Test
	void theAccessLineCarriesTheCustomisedJson(CapturedOutput output) {
		server().get("/text", "X-Request-Id", "customised-1");
		List<JsonLogLines.Line> lines = await().atMost(Duration.ofSeconds(5))
			.until(() -> JsonLogLines.of(output.getOut())
				.stream()
				.filter((line) -> "customised-1".equals(line.field("http.request.id")))
				.toList(), (found) -> !found.isEmpty());
		assertThat(lines).singleElement().satisfies((line) -> {
			assertThat(line.logger()).isEqualTo(AccessLogFilter.LOGGER_NAME);
			assertThat(line.field("team")).isEqualTo("shop");
			assertThat(line.field("http.response.status_code")).isEqualTo("200");
		});
	}

}
