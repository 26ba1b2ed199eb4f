package io.serverprofiles.autoconfigure.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.json.JsonWriter;

/**
 * The outcome of one run of the checks, as text for people and JSON for pipelines.
 *
 * @param findings what the checks found, most severe first
 * @param checked how many checks ran
 * @param ignored the ids silenced by {@code server-profiles.checks.ignore}
 * @param failOn the policy the report was judged by
 */
public record CheckReport(List<Finding> findings, int checked, List<String> ignored, FailOn failOn) {

	/**
	 * Whether no finding is at or above the fail-on policy.
	 * @return whether the report passes
	 */
	public boolean passed() {
		return this.findings.stream().noneMatch((finding) -> this.failOn.fails(finding.severity()));
	}

	public String toText() {
		return toText("server-profiles production checks");
	}

	/**
	 * The report as text for people, under a title of its own (the self-probe prints the
	 * same report for its SP-2xx checks).
	 * @param title the first words, e.g. {@code server-profiles production checks}
	 * @return the text
	 */
	public String toText(String title) {
		String policy = " (fail-on: " + this.failOn.name().toLowerCase() + ")";
		if (this.findings.isEmpty()) {
			return title + ": all " + this.checked + " checks passed" + policy;
		}
		StringBuilder text = new StringBuilder(title).append(": ")
			.append(this.findings.size())
			.append((this.findings.size() == 1) ? " finding in " : " findings in ")
			.append(this.checked)
			.append(" checks")
			.append(policy);
		for (Finding finding : this.findings) {
			text.append(System.lineSeparator())
				.append(String.format("  %-7s %s  %s", finding.severity(), finding.id(), finding.finding()))
				.append(System.lineSeparator())
				.append("                 fix: ")
				.append(finding.fix());
		}
		return text.toString();
	}

	public String toJson() {
		return JsonWriter.standard().writeToString(toMap());
	}

	/**
	 * The report as plain values, for JSON and the actuator endpoint.
	 * @return the report
	 */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("passed", passed());
		map.put("failOn", this.failOn.name().toLowerCase());
		map.put("checked", this.checked);
		map.put("ignored", this.ignored);
		map.put("findings", this.findings.stream().map(CheckReport::toMap).toList());
		return map;
	}

	private static Map<String, Object> toMap(Finding finding) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", finding.id());
		map.put("severity", finding.severity().name());
		map.put("finding", finding.finding());
		map.put("fix", finding.fix());
		return map;
	}

}
