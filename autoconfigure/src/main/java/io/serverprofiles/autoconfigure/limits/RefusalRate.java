package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many refusals of one kind (one status code) are logged in full: the first
 * {@code perSecond} of each second. The rest are counted, and the first refusal of a
 * later second carries the count, so that a client sending bad input as fast as it can
 * does not write the log as fast as it can.
 */
final class RefusalRate {

	private static final long ONE_SECOND = Duration.ofSeconds(1).toNanos();

	private final int perSecond;

	private final LongSupplier nanoTime;

	private final Map<Integer, Second> seconds = new ConcurrentHashMap<>();

	/**
	 * A rate of refusals logged in full.
	 * @param perSecond how many refusals of one kind are logged in full each second
	 * @param nanoTime the clock, in nanoseconds ({@code System::nanoTime})
	 */
	RefusalRate(int perSecond, LongSupplier nanoTime) {
		this.perSecond = perSecond;
		this.nanoTime = nanoTime;
	}

	/**
	 * Admit one refusal.
	 * @param status the status code it is answered with
	 * @return whether to log it in full, and how many of its kind were suppressed in the
	 * second before, when that second is over and not yet reported
	 */
	Admission admit(int status) {
		return this.seconds.computeIfAbsent(status, (kind) -> new Second()).admit(this.nanoTime.getAsLong());
	}

	int perSecond() {
		return this.perSecond;
	}

	/**
	 * What to log for one refusal.
	 *
	 * @param logged whether to log the refusal in full
	 * @param suppressedBefore how many refusals of its kind were suppressed in the second
	 * just over, or 0
	 */
	record Admission(boolean logged, long suppressedBefore) {

	}

	/**
	 * The current second of one kind of refusal, from its first refusal.
	 */
	private final class Second {

		private boolean started;

		private long start;

		private int logged;

		private long suppressed;

		synchronized Admission admit(long now) {
			long suppressedBefore = 0;
			if (!this.started || now - this.start >= ONE_SECOND) {
				suppressedBefore = this.suppressed;
				this.started = true;
				this.start = now;
				this.logged = 0;
				this.suppressed = 0;
			}
			if (this.logged < RefusalRate.this.perSecond) {
				this.logged++;
				return new Admission(true, suppressedBefore);
			}
			this.suppressed++;
			return new Admission(false, suppressedBefore);
		}

	}

}
