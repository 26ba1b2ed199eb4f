package io.serverprofiles.autoconfigure.checks;

/**
 * Startup stops because checks found problems at or above the fail-on policy.
 */
public class ProductionChecksFailedException extends RuntimeException {

	private final CheckReport report;

	ProductionChecksFailedException(CheckReport report) {
		super(report.toText());
		this.report = report;
	}

	public CheckReport getReport() {
		return this.report;
	}

}
