package io.serverprofiles.autoconfigure.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.serverprofiles.autoconfigure.checks.Finding;
import io.serverprofiles.autoconfigure.checks.Severity;

/**
 * Plain HTTP only redirects to HTTPS, on the deployment's own name: a redirect that
 * echoes the client's Host sends a victim's browser wherever an attacker names.
 */
final class RedirectProbe implements ProbeStep {

	static final String FOREIGN_HOST = "probe-foreign.invalid";

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 307, 308);

	@Override
	public List<String> ids() {
		return List.of("SP-205", "SP-206", "SP-208");
	}

	@Override
	public List<Finding> run(ProbeTarget target) {
		List<Finding> findings = new ArrayList<>();
		String path = target.path(target.pagePath());
		String expected = "https://" + target.client().authority() + path;
		String httpHost = (target.httpPort() == 80) ? target.host() : target.host() + ":" + target.httpPort();
		ProbeResponse own = target.client().plainGet(path, "Host: " + httpHost);
		String location = own.header("Location");
		if (!REDIRECTS.contains(own.status()) || !expected.equals(location)) {
			findings.add(new Finding("SP-205", Severity.ERROR,
					"http://" + httpHost + path + " answered " + own.describe()
							+ ((location != null) ? " to " + location : "") + ", not a redirect to " + expected,
					"serve plain HTTP only as a redirect to https:// on the configured name (the rendered site: "
							+ "return 301 https://NAME$request_uri)"));
		}
		if (own.header("Strict-Transport-Security") != null) {
			findings.add(new Finding("SP-208", Severity.WARNING,
					"plain HTTP answered with Strict-Transport-Security, which browsers ignore there",
					"send HSTS on HTTPS only (nginx: add_header in the HTTPS server)"));
		}
		ProbeResponse foreign = target.client().plainGet(path, "Host: " + FOREIGN_HOST);
		String foreignLocation = foreign.header("Location");
		if (foreignLocation != null && foreignLocation.contains(FOREIGN_HOST)) {
			findings.add(new Finding("SP-206", Severity.ERROR,
					"plain HTTP with Host " + FOREIGN_HOST + " redirected to " + foreignLocation,
					"redirect to the configured name, never $host or $http_host; and drop unknown names with a "
							+ "default_server (return 444), as the rendered site does"));
		}
		return findings;
	}

}
