package io.serverprofiles.autoconfigure.checks;

/**
 * How bad a finding is.
 */
public enum Severity {

	/**
	 * Unsafe: stops startup under the default policy.
	 */
	ERROR,

	/**
	 * Probably unsafe, or unsafe in some deployments.
	 */
	WARNING,

	/**
	 * Worth knowing; never stops anything on its own.
	 */
	INFO;

	/**
	 * Whether this severity is as bad as the other or worse.
	 * @param other the other severity
	 * @return whether this is at least as severe
	 */
	public boolean isAtLeast(Severity other) {
		return ordinal() <= other.ordinal();
	}

}
