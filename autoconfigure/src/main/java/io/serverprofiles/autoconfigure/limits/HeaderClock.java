package io.serverprofiles.autoconfigure.limits;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * When one Jetty connection began sending the headers it has not finished yet. The clock
 * runs from the connection's opening, stops while a request is served, and starts again
 * at the first byte received after the last response.
 */
final class HeaderClock {

	private static final long STOPPED = Long.MIN_VALUE;

	private final AtomicInteger requestsInFlight = new AtomicInteger();

	private volatile long startedAt;

	private volatile long bytesInWhenIdle;

	HeaderClock(long openedAt) {
		this.startedAt = openedAt;
	}

	void requestStarted() {
		this.requestsInFlight.incrementAndGet();
		this.startedAt = STOPPED;
	}

	void requestEnded(long bytesIn) {
		this.bytesInWhenIdle = bytesIn;
		this.startedAt = STOPPED;
		this.requestsInFlight.decrementAndGet();
	}

	/**
	 * Whether the connection has been sending headers for longer than the deadline.
	 * Called periodically; the first call that sees new bytes on an idle connection
	 * starts the clock.
	 * @param bytesIn bytes received on the connection so far
	 * @param now the current {@link System#nanoTime()}
	 * @param deadlineNanos the deadline
	 * @return whether the deadline has passed
	 */
	boolean isPastDeadline(long bytesIn, long now, long deadlineNanos) {
		if (this.requestsInFlight.get() > 0) {
			return false;
		}
		if (this.startedAt == STOPPED) {
			if (bytesIn > this.bytesInWhenIdle) {
				this.startedAt = now;
			}
			return false;
		}
		return now - this.startedAt > deadlineNanos;
	}

}
