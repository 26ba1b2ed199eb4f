package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How often both containers look for slow headers, and what they log when they close
 * connections.
 */
@ExtendWith(OutputCaptureExtension.class)
class HeaderReadDeadlinesTests {

	@Test
	void theSweepRunsFourTimesPerDeadlineBetween50MillisecondsAndOneSecond() {
		assertThat(HeaderReadDeadlines.sweepPeriod(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(50));
		assertThat(HeaderReadDeadlines.sweepPeriod(Duration.ofMillis(2000))).isEqualTo(Duration.ofMillis(500));
		assertThat(HeaderReadDeadlines.sweepPeriod(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void closedConnectionsAreLoggedInOneLine(CapturedOutput output) {
		HeaderReadDeadlines.logClosed(3, Duration.ofSeconds(2));
		assertThat(output).contains("Closed 3 connection(s) that did not send a request line and headers within "
				+ "server-profiles.prod.connection-timeout (2000ms)");
	}

	@Test
	void aSweepThatClosesNothingLogsNothing(CapturedOutput output) {
		HeaderReadDeadlines.logClosed(0, Duration.ofSeconds(2));
		assertThat(output).doesNotContain("Closed ");
	}

}
