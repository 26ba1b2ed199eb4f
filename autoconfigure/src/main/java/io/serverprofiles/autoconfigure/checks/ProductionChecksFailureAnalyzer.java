package io.serverprofiles.autoconfigure.checks;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows the check report instead of a stack trace when checks stop startup.
 */
class ProductionChecksFailureAnalyzer extends AbstractFailureAnalyzer<ProductionChecksFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ProductionChecksFailedException cause) {
		return new FailureAnalysis(cause.getReport().toText(),
				"Apply each fix above. To report without stopping, set server-profiles.checks.fail-on=never; to "
						+ "silence one check, add its id to server-profiles.checks.ignore.",
				cause);
	}

}
