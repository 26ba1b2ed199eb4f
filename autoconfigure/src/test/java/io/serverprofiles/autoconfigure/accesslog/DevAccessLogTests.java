package io.serverprofiles.autoconfigure.accesslog;

import java.time.Duration;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dev server's request log is a readable line with the timing, and can be switched
 * off.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevAccessLogTests {

	@Test
	void logsAReadableLineWithTiming(CapturedOutput output) {
		try (RunningServer server = RunningServer.start(ServerContainer.TOMCAT, "--server-profiles.mode=dev")) {
			server.get("/text", "X-Request-Id", "dev-line-1");
			// The line is written once the response is complete: the client may see the
			// response first.
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(output).containsPattern(
						"INFO .* io\\.serverprofiles\\.access +: 127\\.0\\.0\\.1 \"GET /text\" 200 6600B \\d+ms id=dev-line-1"));
		}
	}

	@Test
	void canBeSwitchedOff(CapturedOutput output) {
		try (RunningServer server = RunningServer.start(ServerContainer.TOMCAT, "--server-profiles.mode=dev",
				"--server-profiles.access-log.enabled=false")) {
			assertThat(server.get("/text", "X-Request-Id", "off-1").headers().firstValue("X-Request-Id")).isEmpty();
			assertThat(output).doesNotContain("id=off-1");
		}
	}

}
