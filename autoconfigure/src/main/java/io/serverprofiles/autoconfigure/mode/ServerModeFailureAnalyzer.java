package io.serverprofiles.autoconfigure.mode;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a mode that cannot be decided as a short description and the fix.
 */
class ServerModeFailureAnalyzer extends AbstractFailureAnalyzer<ServerModeException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ServerModeException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
