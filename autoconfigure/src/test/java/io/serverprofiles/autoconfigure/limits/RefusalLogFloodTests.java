package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.serverprofiles.autoconfigure.support.JsonLogLines;
import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import io.serverprofiles.test.RawHttp;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client sending malformed requests as fast as it can, against the prod server at the
 * default {@code server-profiles.prod.limits.refusal-log-rate}: a few refusals are logged
 * in full, and every other one is counted in a line once its second is over. Most of the
 * flood is counted, not logged, however slowly the machine sends it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalLogFloodTests {

	private static final int FLOOD = 500;

	/**
	 * The default {@code refusal-log-rate}: refusals of one status logged in full per
	 * second.
	 */
	private static final int RATE = 10;

	private static final Pattern SUPPRESSED = Pattern.compile("Suppressed (\\d+) more refusals with 400 .*");

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void aFloodOfRefusalsIsLoggedAsAFewLinesAndACountOfTheRest(ServerContainer container, CapturedOutput output) {
		try (RunningServer server = RunningServer.start(container, "--server-profiles.mode=prod")) {
			long started = System.nanoTime();
			for (int i = 0; i < FLOOD; i++) {
				refuse(server);
			}
			AtomicInteger sent = new AtomicInteger(FLOOD);
			// A second's count is logged with the first refusal of a later second.
			Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				refuse(server);
				sent.incrementAndGet();
				assertThat(refused(output).size() + suppressed(output)).isEqualTo(sent.get());
			});
			// At most the rate in full in each second the flood touched, however long a
			// loaded machine took to send it.
			long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 2;
			long inFull = Math.min(RATE * seconds, FLOOD / 2);
			assertThat(refused(output)).hasSizeLessThanOrEqualTo((int) inFull);
			assertThat(suppressed(output)).isGreaterThanOrEqualTo(sent.get() - inFull);
		}
	}

	private static void refuse(RunningServer server) {
		RawHttp.Response response = RawHttp.to(server.port())
			.send("GET /a b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(400);
	}

	private static List<String> refused(CapturedOutput output) {
		return refusalMessages(output).filter((message) -> message.startsWith("Refused ")).toList();
	}

	private static long suppressed(CapturedOutput output) {
		return refusalMessages(output).map(SUPPRESSED::matcher)
			.filter(Matcher::matches)
			.mapToLong((matcher) -> Long.parseLong(matcher.group(1)))
			.sum();
	}

	private static Stream<String> refusalMessages(CapturedOutput output) {
		return JsonLogLines.of(output.getOut())
			.stream()
			.filter((line) -> RefusalLog.class.getName().equals(line.logger()))
			.map(JsonLogLines.Line::message);
	}

}
