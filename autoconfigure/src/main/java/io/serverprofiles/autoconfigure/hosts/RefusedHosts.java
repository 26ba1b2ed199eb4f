package io.serverprofiles.autoconfigure.hosts;

import java.util.HashSet;
import java.util.Set;

/**
 * The refused hosts already logged, up to a bound, so that a client sending ever new Host
 * values grows neither the memory nor the log.
 */
final class RefusedHosts {

	enum Refusal {

		/**
		 * First refusal of this host: log it.
		 */
		FIRST,

		/**
		 * This host was refused and logged before.
		 */
		REPEATED,

		/**
		 * First host beyond the bound: log that new hosts are no longer logged.
		 */
		BOUND_REACHED,

		/**
		 * The bound was reached before; this host is not remembered.
		 */
		NOT_REMEMBERED

	}

	private final int bound;

	private final Set<String> hosts = new HashSet<>();

	private boolean boundReached;

	RefusedHosts(int bound) {
		this.bound = bound;
	}

	int bound() {
		return this.bound;
	}

	synchronized Refusal refuse(String host) {
		if (this.hosts.contains(host)) {
			return Refusal.REPEATED;
		}
		if (this.hosts.size() < this.bound) {
			this.hosts.add(host);
			return Refusal.FIRST;
		}
		if (this.boundReached) {
			return Refusal.NOT_REMEMBERED;
		}
		this.boundReached = true;
		return Refusal.BOUND_REACHED;
	}

}
