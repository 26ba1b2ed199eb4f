package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * The slowest a request body may arrive: on average at least {@code minPerSecond} since
 * the body began, checked once the grace period is over (Kestrel's rule, whose defaults
 * are ours: 240 bytes a second after 5 seconds). Zero bytes a second checks nothing.
 */
final class BodyRate {

	private final long minPerSecond;

	private final Duration gracePeriod;

	BodyRate(DataSize minPerSecond, Duration gracePeriod) {
		this.minPerSecond = minPerSecond.toBytes();
		this.gracePeriod = gracePeriod;
	}

	/**
	 * Whether a body that has delivered {@code received} bytes in {@code elapsedNanos} is
	 * too slow.
	 * @param received the bytes received so far
	 * @param elapsedNanos the time since the body began
	 * @return whether the body is too slow
	 */
	boolean isTooSlow(long received, long elapsedNanos) {
		if (this.minPerSecond <= 0 || elapsedNanos <= this.gracePeriod.toNanos()) {
			return false;
		}
		return received < (double) this.minPerSecond * elapsedNanos / 1_000_000_000d;
	}

	/**
	 * The latest a body of {@code length} bytes may end: the grace period, or the time
	 * the body takes at the slowest rate if that is longer.
	 * @param length the body's declared length
	 * @return the deadline from the body's start, or zero for none
	 */
	Duration deadline(long length) {
		if (this.minPerSecond <= 0) {
			return Duration.ZERO;
		}
		Duration atSlowestRate = Duration.ofMillis((length * 1000 + this.minPerSecond - 1) / this.minPerSecond);
		return (atSlowestRate.compareTo(this.gracePeriod) > 0) ? atSlowestRate : this.gracePeriod;
	}

	@Override
	public String toString() {
		return this.minPerSecond + "B per second after " + DurationStyle.SIMPLE.print(this.gracePeriod);
	}

}
