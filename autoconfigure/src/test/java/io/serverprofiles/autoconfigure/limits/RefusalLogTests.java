package io.serverprofiles.autoconfigure.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusal line itself, for what no client can make a server log: control characters,
 * very long paths, a container's own 5xx, and the count of a second over the rate on a
 * clock the test moves.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalLogTests {

	private final AtomicLong nanoTime = new AtomicLong(1_000);

	private final RefusalLog refusalLog = new RefusalLog(new RefusalRate(1, this.nanoTime::get));

	@Test
	void controlCharactersArePrintedAsQuestionMarks(CapturedOutput output) {
		this.refusalLog.refused(400, "GET", "/a\u0001b c\u001f\u007f~", "reason");
		assertThat(output).contains("Refused GET /a?b c??~ with 400: reason");
	}

	@Test
	void lineSeparatorsBeyondAsciiArePrintedAsQuestionMarks(CapturedOutput output) {
		this.refusalLog.refused(400, "GET", "/a\u0085b\u2028c\u202ed", "reason");
		assertThat(output).contains("Refused GET /a?b?c?d with 400: reason");
	}

	@Test
	void longPathsAreCutAt200Characters(CapturedOutput output) {
		this.refusalLog.refused(400, "GET", "/" + "a".repeat(199) + "bc", "reason");
		assertThat(output).contains("Refused GET /" + "a".repeat(199) + " with 400: reason");
	}

	@Test
	void refusalsOverTheRateAreCountedInOneLineOnceTheirSecondIsOver(CapturedOutput output) {
		this.refusalLog.refused(413, "POST", "/1", "reason");
		this.refusalLog.refused(413, "POST", "/2", "reason");
		this.refusalLog.refused(413, "POST", "/3", "reason");
		this.nanoTime.addAndGet(1_000_000_000);
		this.refusalLog.refused(413, "POST", "/4", "reason");
		assertThat(output).contains("Refused POST /1 with 413")
			.doesNotContain("Refused POST /2")
			.doesNotContain("Refused POST /3")
			.contains("Suppressed 2 more refusals with 413 in one second, "
					+ "over server-profiles.prod.limits.refusal-log-rate (1)")
			.contains("Refused POST /4 with 413");
		assertThat(output.toString().split("Suppressed ", -1)).hasSize(2);
	}

	@Test
	void aContainersRefusalOfAMalformedRequestIsLoggedWithoutMethodOrPath(CapturedOutput output) {
		ContainerRefusal.of(400, "/a").log(this.refusalLog, "GET");
		assertThat(output).contains("Refused - - with 400: malformed request");
	}

	@Test
	void aContainersRefusalKeepsAPathItCouldRead(CapturedOutput output) {
		ContainerRefusal.of(431, "/a").log(this.refusalLog, "GET");
		ContainerRefusal.of(499, null).log(this.refusalLog, "GET");
		assertThat(output).contains("Refused GET /a with 431: request headers larger than")
			.contains("Refused - - with 499: refused by the server");
	}

	@Test
	void aContainersOwnFailureIsNotARefusal(CapturedOutput output) {
		ContainerRefusal.of(500, "/a").log(this.refusalLog, "GET");
		ContainerRefusal.of(503, "/a").log(this.refusalLog, "GET");
		assertThat(output).doesNotContain("Refused");
	}

}
