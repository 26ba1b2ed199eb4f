package io.serverprofiles.autoconfigure.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.serverprofiles.autoconfigure.checks.Finding;
import io.serverprofiles.autoconfigure.checks.Severity;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonParseException;
import org.springframework.boot.json.JsonParserFactory;

/**
 * A forged {@code X-Forwarded-For}, {@code X-Forwarded-Proto} or {@code Forwarded} from
 * the client is not believed, as the whoami trace shows: the proxy must overwrite them,
 * not append to them, or the app takes the forged entry left of a trusted one for the
 * client.
 */
final class ForwardingProbe implements ProbeStep {

	/**
	 * A documentation address (RFC 5737) that no deployment trusts.
	 */
	static final String FORGED_ADDRESS = "203.0.113.77";

	@Override
	public List<String> ids() {
		return List.of("SP-216", "SP-217", "SP-218");
	}

	@Override
	public List<Finding> run(ProbeTarget target) {
		List<Finding> findings = new ArrayList<>();
		WhoamiToken token = target.token();
		if (token == null) {
			findings.add(notRun("no " + ProbeProperties.SECRET + " is set, so the whoami trace is closed"));
			return findings;
		}
		String path = target.path(WhoamiFilter.PATH);
		check(target, findings, path, token, "X-Forwarded-For: " + FORGED_ADDRESS, "X-Forwarded-Proto: http");
		if (findings.isEmpty()) {
			check(target, findings, path, token, "Forwarded: for=" + FORGED_ADDRESS + ";proto=http");
		}
		return findings;
	}

	private static void check(ProbeTarget target, List<Finding> findings, String path, WhoamiToken token,
			String... forged) {
		List<String> lines = new ArrayList<>(List.of(forged));
		lines.add(WhoamiToken.HEADER + ": " + token.create());
		ProbeResponse response = target.client().get(path, lines.toArray(String[]::new));
		Map<String, Object> trace = trace(response);
		if (trace == null) {
			findings.add(notRun(path + " answered " + response.describe()
					+ " to a signed request: the app has no or another " + ProbeProperties.SECRET));
			return;
		}
		Map<?, ?> client = (trace.get("client") instanceof Map<?, ?> map) ? map : Map.of();
		String seen = "sent " + String.join(" and ", forged) + ", the app took client " + client.get("address")
				+ " over " + client.get("scheme") + " (" + describe(trace) + ")";
		if (FORGED_ADDRESS.equals(client.get("address"))) {
			findings.add(new Finding("SP-216", Severity.ERROR, seen,
					"have the proxy overwrite the header with the peer it saw (proxy_set_header X-Forwarded-For "
							+ "$remote_addr, and Forwarded \"\"), not append to it ($proxy_add_x_forwarded_for); "
							+ "and trust only the proxy's own address in " + ProdServerProperties.TRUSTED_PROXIES));
		}
		if (!"https".equals(client.get("scheme"))) {
			findings.add(new Finding("SP-217", Severity.ERROR, seen,
					"have the proxy set X-Forwarded-Proto $scheme and clear Forwarded, as the rendered "
							+ "snippets/proxy.conf does"));
		}
	}

	private static @Nullable Map<String, Object> trace(ProbeResponse response) {
		if (response.status() != 200) {
			return null;
		}
		try {
			return JsonParserFactory.getJsonParser().parseMap(response.body());
		}
		catch (JsonParseException ex) {
			return null;
		}
	}

	/**
	 * The trace in words: e.g. {@code peer 127.0.0.1 trusted by 127.0.0.0/8; hops
	 * 203.0.113.77 untrusted, 127.0.0.1 trusted by 127.0.0.0/8}.
	 */
	static String describe(Map<String, Object> trace) {
		StringBuilder text = new StringBuilder("peer ");
		text.append(hop(trace.get("peer"), "address"));
		if (trace.get("hops") instanceof List<?> hops && !hops.isEmpty()) {
			text.append("; hops ");
			for (int i = 0; i < hops.size(); i++) {
				text.append((i > 0) ? ", " : "").append(hop(hops.get(i), "for"));
			}
		}
		return text.toString();
	}

	private static String hop(@Nullable Object hop, String addressKey) {
		Map<?, ?> entry = (hop instanceof Map<?, ?> map) ? map : Map.of();
		Object range = entry.get("trustedBy");
		return entry.get(addressKey) + ((range != null) ? " trusted by " + range : " untrusted");
	}

	private static Finding notRun(String why) {
		return new Finding("SP-218", Severity.WARNING, "forwarded-header checks not run: " + why,
				"set the same " + ProbeProperties.SECRET + " (32 characters or more, e.g. from an environment "
						+ "variable) for the app and the probe");
	}

}
