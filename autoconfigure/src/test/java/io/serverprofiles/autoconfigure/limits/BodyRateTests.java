package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minimum body rate at its edges: the grace period, the rate itself, a rate of zero,
 * and the deadline of a body of known length rounded up to the millisecond.
 */
class BodyRateTests {

	private static final long SECOND = 1_000_000_000L;

	private final BodyRate rate = new BodyRate(DataSize.ofBytes(240), Duration.ofSeconds(5));

	@Test
	void nothingIsTooSlowWithinTheGracePeriod() {
		assertThat(this.rate.isTooSlow(0, 5 * SECOND)).isFalse();
		assertThat(this.rate.isTooSlow(0, 5 * SECOND + 1)).isTrue();
	}

	@Test
	void aBodyIsTooSlowBelowTheRateOnAverageSinceItBegan() {
		// 10 s at 240B a second: 2400 bytes.
		assertThat(this.rate.isTooSlow(2399, 10 * SECOND)).isTrue();
		assertThat(this.rate.isTooSlow(2400, 10 * SECOND)).isFalse();
		assertThat(this.rate.isTooSlow(2401, 10 * SECOND)).isFalse();
	}

	@Test
	void aRateOfZeroChecksNothing() {
		BodyRate none = new BodyRate(DataSize.ofBytes(0), Duration.ofSeconds(5));
		assertThat(none.isTooSlow(0, 3600 * SECOND)).isFalse();
		assertThat(none.deadline(1_000_000)).isZero();
	}

	@Test
	void theDeadlineIsTheGracePeriodForASmallBody() {
		assertThat(this.rate.deadline(0)).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.rate.deadline(1200)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void theDeadlineOfALargerBodyIsItsTimeAtTheSlowestRateRoundedUp() {
		assertThat(this.rate.deadline(1201)).isEqualTo(Duration.ofMillis(5005));
		assertThat(this.rate.deadline(2400)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.rate.deadline(2401)).isEqualTo(Duration.ofMillis(10005));
	}

	@Test
	void itSaysWhatItIs() {
		assertThat(this.rate).hasToString("240B per second after 5000ms");
	}

}
