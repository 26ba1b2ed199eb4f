package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate of refusals logged in full, on a clock the test moves.
 */
class RefusalRateTests {

	private final AtomicLong nanoTime = new AtomicLong(1_000_000);

	private final RefusalRate rate = new RefusalRate(10, this.nanoTime::get);

	@Test
	void theFirstRefusalsOfASecondAreLogged() {
		assertThat(IntStream.range(0, 10).mapToObj((i) -> this.rate.admit(400)))
			.allMatch(RefusalRate.Admission::logged);
	}

	@Test
	void refusalsOverTheRateAreNotLogged() {
		admit(400, 10);
		assertThat(this.rate.admit(400).logged()).isFalse();
	}

	@Test
	void theFirstRefusalOfALaterSecondIsLoggedWithTheCountOfTheSuppressedOnes() {
		admit(400, 15);
		advance(Duration.ofSeconds(1));
		assertThat(this.rate.admit(400)).isEqualTo(new RefusalRate.Admission(true, 5));
	}

	@Test
	void theCountIsReportedOnce() {
		admit(400, 15);
		advance(Duration.ofSeconds(1));
		this.rate.admit(400);
		assertThat(this.rate.admit(400)).isEqualTo(new RefusalRate.Admission(true, 0));
	}

	@Test
	void theCountWaitsUntilTheSecondIsOver() {
		admit(400, 15);
		advance(Duration.ofMillis(999));
		assertThat(this.rate.admit(400)).isEqualTo(new RefusalRate.Admission(false, 0));
	}

	@Test
	void aSecondWithoutSuppressedRefusalsReportsNoCount() {
		admit(400, 3);
		advance(Duration.ofSeconds(5));
		assertThat(this.rate.admit(400)).isEqualTo(new RefusalRate.Admission(true, 0));
	}

	@Test
	void eachStatusHasARateOfItsOwn() {
		admit(400, 15);
		assertThat(this.rate.admit(413).logged()).isTrue();
	}

	@Test
	void aRateOfZeroLogsOnlyTheCounts() {
		RefusalRate countsOnly = new RefusalRate(0, this.nanoTime::get);
		countsOnly.admit(400);
		countsOnly.admit(400);
		advance(Duration.ofSeconds(1));
		assertThat(countsOnly.admit(400)).isEqualTo(new RefusalRate.Admission(false, 2));
	}

	private void admit(int status, int times) {
		for (int i = 0; i < times; i++) {
			this.rate.admit(status);
		}
	}

	private void advance(Duration duration) {
		this.nanoTime.addAndGet(duration.toNanos());
	}

}
