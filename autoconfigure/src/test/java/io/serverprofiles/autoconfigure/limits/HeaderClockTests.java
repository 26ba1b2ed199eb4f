package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How Jetty's header read deadline tells a slow client from a busy or idle connection.
 */
class HeaderClockTests {

	private static final long DEADLINE = Duration.ofSeconds(2).toNanos();

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	@Test
	void aNewConnectionIsPastTheDeadlineWhetherOrNotItSentBytes() {
		HeaderClock clock = new HeaderClock(0);
		assertThat(clock.isPastDeadline(0, SECOND, DEADLINE)).isFalse();
		assertThat(clock.isPastDeadline(0, 3 * SECOND, DEADLINE)).isTrue();
		assertThat(clock.isPastDeadline(100, 3 * SECOND, DEADLINE)).isTrue();
	}

	@Test
	void aConnectionServingARequestIsNeverPastTheDeadline() {
		HeaderClock clock = new HeaderClock(0);
		clock.requestStarted();
		assertThat(clock.isPastDeadline(100, 60 * SECOND, DEADLINE)).isFalse();
	}

	@Test
	void anIdleKeptAliveConnectionWithoutNewBytesIsNeverPastTheDeadline() {
		HeaderClock clock = new HeaderClock(0);
		clock.requestStarted();
		clock.requestEnded(100);
		assertThat(clock.isPastDeadline(100, 60 * SECOND, DEADLINE)).isFalse();
	}

	@Test
	void theClockStartsAgainAtTheFirstByteOfTheNextRequest() {
		HeaderClock clock = new HeaderClock(0);
		clock.requestStarted();
		clock.requestEnded(100);
		assertThat(clock.isPastDeadline(101, 10 * SECOND, DEADLINE)).isFalse();
		assertThat(clock.isPastDeadline(105, 11 * SECOND, DEADLINE)).isFalse();
		assertThat(clock.isPastDeadline(110, 13 * SECOND, DEADLINE)).isTrue();
	}

	@Test
	void sweepPeriodIsAQuarterOfTheDeadlineBetween50msAnd1s() {
		assertThat(HeaderReadDeadlines.sweepPeriod(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(500));
		assertThat(HeaderReadDeadlines.sweepPeriod(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(50));
		assertThat(HeaderReadDeadlines.sweepPeriod(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(1));
	}

}
