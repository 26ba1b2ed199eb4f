package io.serverprofiles.autoconfigure.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.util.unit.DataSize;

/**
 * The request-body bytes that all read-aheads together may hold in memory at once.
 */
final class ReadAheadBudget {

	private final long capacity;

	private final AtomicLong reserved = new AtomicLong();

	ReadAheadBudget(DataSize capacity) {
		this.capacity = capacity.toBytes();
	}

	boolean isOff() {
		return this.capacity <= 0;
	}

	/**
	 * Reserve room for bytes of a body as they arrive, if the budget has it.
	 * @param bytes how many bytes
	 * @return whether the room is reserved
	 */
	boolean tryReserve(long bytes) {
		long now;
		do {
			now = this.reserved.get();
			if (now + bytes > this.capacity) {
				return false;
			}
		}
		while (!this.reserved.compareAndSet(now, now + bytes));
		return true;
	}

	void release(long bytes) {
		this.reserved.addAndGet(-bytes);
	}

}
