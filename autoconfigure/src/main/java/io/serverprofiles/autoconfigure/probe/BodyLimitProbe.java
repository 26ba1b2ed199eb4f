package io.serverprofiles.autoconfigure.probe;

import java.util.List;

import io.serverprofiles.autoconfigure.checks.Finding;
import io.serverprofiles.autoconfigure.checks.Severity;

/**
 * A body one byte over {@code server-profiles.prod.max-request-size} gets 413, from nginx
 * or from the app: the two limits agree, or nginx's is the smaller one.
 */
final class BodyLimitProbe implements ProbeStep {

	@Override
	public List<String> ids() {
		return List.of("SP-219");
	}

	@Override
	public List<Finding> run(ProbeTarget target) {
		String path = target.path(target.pagePath());
		long length = target.maxRequestSize() + 1;
		ProbeResponse response = target.client().post(path, length);
		if (response.status() == 413) {
			return List.of();
		}
		return List.of(new Finding("SP-219", Severity.ERROR,
				"a POST of " + length + " bytes (max-request-size + 1) to " + path + " answered " + response.describe()
						+ ", not 413",
				"set nginx's client_max_body_size to server-profiles.prod.max-request-size (the rendered site does; "
						+ "re-export the bundle after changing the limit)"));
	}

}
