package io.serverprofiles.autoconfigure.hosts;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an invalid allowed host as the entry, what is wrong with it and how to write
 * it.
 */
class HostAllowListFailureAnalyzer extends AbstractFailureAnalyzer<InvalidAllowedHostException> {

	static final String SYNTAX = "Each entry is a host name (app.example.com), a domain with a leading dot "
			+ "(.example.com allows example.com and all its subdomains) or an IP address (10.0.0.5, ::1); schemes, "
			+ "ports, paths and wildcards do not belong there.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidAllowedHostException cause) {
		String action = "Fix or remove that entry of " + cause.getProperty() + ". " + SYNTAX;
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
