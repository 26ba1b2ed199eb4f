package io.serverprofiles.autoconfigure.probe;

import java.util.ArrayList;
import java.util.List;

import io.serverprofiles.autoconfigure.checks.Finding;
import io.serverprofiles.autoconfigure.checks.Severity;
import io.serverprofiles.autoconfigure.web.ProbePaths;

/**
 * Readiness answers through the proxy, and the answer carries a request id that ties it
 * to the access-log lines of nginx and the app. Runs first: its request is the probe's
 * first handshake, and a deployment it cannot reach is not probed at all.
 */
final class ReadinessProbe implements ProbeStep {

	@Override
	public List<String> ids() {
		return List.of("SP-214", "SP-215");
	}

	@Override
	public List<Finding> run(ProbeTarget target) {
		List<Finding> findings = new ArrayList<>();
		String path = target.path(ProbePaths.READINESS);
		ProbeResponse response = target.client().get(path);
		if (response.status() != 200) {
			findings.add(new Finding("SP-214", Severity.ERROR, path + " answered " + response.describe() + ", not 200",
					"check that the app is up and nginx proxies " + path
							+ " to it (the rendered site does); behind Spring Security, server-profiles' probes chain "
							+ "must be in place"));
		}
		if (response.header("X-Request-Id") == null) {
			findings.add(new Finding("SP-215", Severity.WARNING,
					path + " answered without an X-Request-Id header: its log lines cannot be tied together",
					"proxy with the rendered snippets/proxy.conf (proxy_set_header X-Request-Id), or keep "
							+ "server-profiles' access log on"));
		}
		return findings;
	}

}
