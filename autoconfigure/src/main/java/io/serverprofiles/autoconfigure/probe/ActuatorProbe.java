package io.serverprofiles.autoconfigure.probe;

import java.util.ArrayList;
import java.util.List;

import io.serverprofiles.autoconfigure.checks.Finding;
import io.serverprofiles.autoconfigure.checks.Severity;

/**
 * The actuator is closed to the public in every spelling a proxy and a servlet container
 * may read differently ({@code ;} parameters, percent-encoding, {@code //}, dot
 * segments), and only health answers: on the app's port when the actuator shares it.
 */
final class ActuatorProbe implements ProbeStep {

	@Override
	public List<String> ids() {
		return List.of("SP-213");
	}

	@Override
	public List<Finding> run(ProbeTarget target) {
		String base = target.path(target.actuatorBasePath());
		List<String> open = new ArrayList<>();
		for (String path : spellings(base)) {
			ProbeResponse response = target.client().get(path);
			if (response.status() >= 200 && response.status() < 300) {
				open.add(path + " (" + response.status() + ")");
			}
		}
		List<Finding> findings = new ArrayList<>();
		if (!open.isEmpty()) {
			findings.add(new Finding("SP-213", Severity.ERROR, "the actuator answers from outside: " + String
				.join(", ", open), "move the actuator to a management port on loopback (management.server.port and "
						+ "management.server.address=127.0.0.1, as the rendered bundle does), refuse ';' in nginx "
						+ "(if ($uri ~ \";\") { return 400; }), and keep server-profiles.prod.allow-path-parameters "
						+ "off"));
		}
		if (!target.managementPortSeparate()) {
			ProbeResponse health = target.client().get(base + "/health");
			if (health.status() != 200) {
				findings.add(new Finding("SP-213", Severity.ERROR,
						base + "/health answered " + health.describe() + ", not 200",
						"let nginx proxy " + base + "/health to the app (the rendered site does)"));
			}
		}
		return findings;
	}

	/**
	 * The actuator's index, two sensitive endpoints, and info (exposed by default in
	 * prod, so a spelling that reaches the actuator gets a 200) spelled every way a
	 * client may.
	 */
	static List<String> spellings(String base) {
		String first = base.substring(1, 2);
		String encodedFirst = "/%" + Integer.toHexString(first.charAt(0)) + base.substring(2);
		return List.of(base, base + "/env", base + "/prometheus", base + "/info", base + ";/info", base + ";a=b/info",
				base + "/info;", base + "%3B/info", encodedFirst + "/info", base + "%2Finfo", "/" + base + "/info",
				"/." + base + "/info", base + "/./info", base + "/health/../info", base + "/health/%2e%2e/info",
				base + "/health/..;/info", "/probe/..;" + base + "/info", base + "/health;/../info");
	}

}
