package io.serverprofiles.autoconfigure.checks;

/**
 * Which findings stop startup (and make the CLI mode exit 1).
 */
public enum FailOn {

	/**
	 * Findings of severity ERROR.
	 */
	ERROR,

	/**
	 * Findings of severity WARNING or ERROR.
	 */
	WARNING,

	/**
	 * Nothing: findings are only reported.
	 */
	NEVER;

	boolean fails(Severity severity) {
		return switch (this) {
			case ERROR -> severity == Severity.ERROR;
			case WARNING -> severity.isAtLeast(Severity.WARNING);
			case NEVER -> false;
		};
	}

}
