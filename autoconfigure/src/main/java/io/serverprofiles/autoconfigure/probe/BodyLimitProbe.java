package io.serverprofiles.autoconfigure.probe;

import java.util.ArrayList;
import java.util.List;

import io.serverprofiles.autoconfigure.checks.Finding;
import io.serverprofiles.autoconfigure.checks.Severity;

/**
 * A body one byte over {@code server-profiles.prod.max-request-size} gets 413, from nginx
 * or from the app, and a body of exactly that size does not: the two limits agree. Both
 * judge the announced length before the body comes, so the second body is only announced:
 * a server still waiting for it after a second has accepted the length.
 */
final class BodyLimitProbe implements ProbeStep {

	@Override
	public List<String> ids() {
		return List.of("SP-219");
	}

	@Override
	public List<Finding> run(ProbeTarget target) {
		String path = target.path(target.pagePath());
		long limit = target.maxRequestSize();
		List<Finding> findings = new ArrayList<>();
		ProbeResponse over = target.client().post(path, limit + 1);
		if (over.status() != 413) {
			findings.add(finding("a POST of " + (limit + 1) + " bytes (max-request-size + 1) to " + path + " answered "
					+ over.describe() + ", not 413"));
		}
		ProbeResponse at = target.client().announce(path, limit);
		if (at != null && at.status() == 413) {
			findings.add(finding("a POST of " + limit + " bytes (max-request-size) to " + path
					+ " answered 413: the proxy's limit is lower than the app's"));
		}
		return findings;
	}

	private static Finding finding(String seen) {
		return new Finding("SP-219", Severity.ERROR, seen,
				"set nginx's client_max_body_size to server-profiles.prod.max-request-size (the rendered site does; "
						+ "re-export the bundle after changing the limit)");
	}

}
