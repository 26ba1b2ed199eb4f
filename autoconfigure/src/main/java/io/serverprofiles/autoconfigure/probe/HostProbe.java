package io.serverprofiles.autoconfigure.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.serverprofiles.autoconfigure.checks.Finding;
import io.serverprofiles.autoconfigure.checks.Severity;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;

/**
 * A Host the deployment does not own is refused (400, 421, or the connection dropped, as
 * the rendered default_server does), and its own name is served.
 */
final class HostProbe implements ProbeStep {

	static final String UNKNOWN_HOST = "probe-unknown.invalid";

	private static final Set<Integer> REFUSALS = Set.of(400, 403, 421);

	@Override
	public List<String> ids() {
		return List.of("SP-211", "SP-212");
	}

	@Override
	public List<Finding> run(ProbeTarget target) {
		List<Finding> findings = new ArrayList<>();
		String path = target.path(target.pagePath());
		ProbeResponse unknown = target.client().get(path, "Host: " + UNKNOWN_HOST);
		if (!unknown.isDropped() && !REFUSALS.contains(unknown.status())) {
			findings.add(new Finding("SP-211", Severity.ERROR,
					"HTTPS with Host " + UNKNOWN_HOST + " answered " + unknown.describe() + " for " + path,
					"list the public names in " + ProdServerProperties.ALLOWED_HOSTS
							+ ", and give nginx a default_server that drops other names (the rendered site does)"));
		}
		ProbeResponse own = target.client().get(path);
		if (own.isDropped() || REFUSALS.contains(own.status())) {
			findings.add(new Finding("SP-212", Severity.ERROR,
					"HTTPS with Host " + target.client().authority() + " answered " + own.describe() + " for " + path,
					"add " + target.host() + " to " + ProdServerProperties.ALLOWED_HOSTS
							+ " and to nginx's server_name (server-profiles.deploy.server-name)"));
		}
		return findings;
	}

}
