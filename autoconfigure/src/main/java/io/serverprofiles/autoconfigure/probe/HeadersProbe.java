package io.serverprofiles.autoconfigure.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverprofiles.autoconfigure.checks.Finding;
import io.serverprofiles.autoconfigure.checks.Severity;
import io.serverprofiles.autoconfigure.headers.SecurityHeaders;
import io.serverprofiles.autoconfigure.web.ProbePaths;

/**
 * The app's security headers reach the client through the proxy: HSTS with the configured
 * max-age on HTTPS, the document headers on an HTML page, the API headers on JSON. What
 * is expected is worked out by the app's own {@link SecurityHeaders}, so the probe and
 * the server cannot disagree about the list.
 */
final class HeadersProbe implements ProbeStep {

	private static final String HSTS = "Strict-Transport-Security";

	@Override
	public List<String> ids() {
		return List.of("SP-207", "SP-209", "SP-210");
	}

	@Override
	public List<Finding> run(ProbeTarget target) {
		List<Finding> findings = new ArrayList<>();
		SecurityHeaders headers = target.headers();
		if (headers == null) {
			return findings;
		}
		String pagePath = target.path(target.pagePath());
		ProbeResponse page = target.client().get(pagePath);
		String apiPath = target.path(ProbePaths.READINESS);
		ProbeResponse api = target.client().get(apiPath);
		String hsts = target.strictTransportSecurity();
		if (hsts != null && !hsts.equals(api.header(HSTS))) {
			findings.add(new Finding("SP-207", Severity.ERROR,
					"HTTPS answered " + apiPath + " with " + HSTS + ": " + api.header(HSTS) + ", not " + hsts,
					"let the app's header through the proxy (no proxy_hide_header), and have nginx's own answers "
							+ "send the same value (the rendered site does)"));
		}
		String pageType = page.header("Content-Type");
		if (pageType == null || !pageType.startsWith("text/html")) {
			findings.add(new Finding("SP-209", Severity.WARNING,
					pagePath + " answered " + page.describe() + " as " + pageType + ", not an HTML page",
					"point " + ProbeProperties.PREFIX + ".page-path at an HTML page of the app"));
		}
		else {
			missing(headers, page, "SP-209", pagePath, findings);
		}
		missing(headers, api, "SP-210", apiPath, findings);
		return findings;
	}

	private static void missing(SecurityHeaders headers, ProbeResponse response, String id, String path,
			List<Finding> findings) {
		Map<String, String> expected = expected(headers, response);
		List<String> wrong = new ArrayList<>();
		expected.forEach((name, value) -> {
			String actual = response.header(name);
			if (!value.equals(actual)) {
				wrong.add(name + ((actual != null) ? " (" + actual + ")" : ""));
			}
		});
		if (!wrong.isEmpty()) {
			findings.add(new Finding(id, Severity.ERROR,
					path + " (" + response.header("Content-Type") + ") lacks or changes " + String.join(", ", wrong),
					"let the app's headers through the proxy: no proxy_hide_header, no add_header that replaces "
							+ "them, and headers on nginx's own answers as the rendered site sets them"));
		}
	}

	/**
	 * The headers the app sends on a response like this one, except HSTS (SP-207).
	 */
	private static Map<String, String> expected(SecurityHeaders headers, ProbeResponse response) {
		Map<String, String> expected = new LinkedHashMap<>();
		headers.addMissing(true, response.header("Content-Type"), response.status(),
				SecurityHeaders.Target.of(expected));
		expected.remove(HSTS);
		expected.remove("Cache-Control");
		return expected;
	}

}
