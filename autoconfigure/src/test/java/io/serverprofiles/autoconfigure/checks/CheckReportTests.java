package io.serverprofiles.autoconfigure.checks;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fail-on policy, the ignore list, and the report's text and JSON.
 */
class CheckReportTests {

	private static final ProductionCheck ERROR = check("SP-901", Severity.ERROR);

	private static final ProductionCheck WARNING = check("SP-902", Severity.WARNING);

	private static final ProductionCheck INFO = check("SP-903", Severity.INFO);

	@Test
	void failOnErrorFailsOnlyOnErrors() {
		assertThat(run(FailOn.ERROR, List.of(), WARNING, INFO).passed()).isTrue();
		assertThat(run(FailOn.ERROR, List.of(), ERROR, WARNING).passed()).isFalse();
	}

	@Test
	void failOnWarningFailsOnWarnings() {
		assertThat(run(FailOn.WARNING, List.of(), WARNING).passed()).isFalse();
		assertThat(run(FailOn.WARNING, List.of(), INFO).passed()).isTrue();
	}

	@Test
	void failOnNeverOnlyReports() {
		CheckReport report = run(FailOn.NEVER, List.of(), ERROR);
		assertThat(report.passed()).isTrue();
		assertThat(report.findings()).hasSize(1);
	}

	@Test
	void ignoredChecksDoNotRun() {
		CheckReport report = run(FailOn.ERROR, List.of("SP-901"), ERROR, WARNING);
		assertThat(report.passed()).isTrue();
		assertThat(report.checked()).isEqualTo(1);
		assertThat(report.ignored()).containsExactly("SP-901");
	}

	@Test
	void textListsFindingsMostSevereFirstWithTheirFix() {
		String text = run(FailOn.ERROR, List.of(), INFO, ERROR).toText();
		assertThat(text).startsWith("server-profiles production checks: 2 findings in 2 checks (fail-on: error)");
		assertThat(text.indexOf("SP-901")).isLessThan(text.indexOf("SP-903"));
		assertThat(text).contains("ERROR   SP-901  SP-901 is wrong").contains("fix: set the SP-901 property");
	}

	@Test
	void jsonHasTheVerdictAndEachFinding() {
		JsonNode json = JsonMapper.builder()
			.build()
			.readTree(run(FailOn.ERROR, List.of("SP-903"), ERROR, INFO).toJson());
		assertThat(json.path("passed").asBoolean()).isFalse();
		assertThat(json.path("failOn").asString()).isEqualTo("error");
		assertThat(json.path("checked").asInt()).isEqualTo(1);
		assertThat(json.path("ignored").get(0).asString()).isEqualTo("SP-903");
		JsonNode finding = json.path("findings").get(0);
		assertThat(finding.path("id").asString()).isEqualTo("SP-901");
		assertThat(finding.path("severity").asString()).isEqualTo("ERROR");
		assertThat(finding.path("fix").asString()).isEqualTo("set the SP-901 property");
	}

	@Test
	void aCleanReportSaysSo() {
		assertThat(run(FailOn.ERROR, List.of()).toText())
			.isEqualTo("server-profiles production checks: all 0 checks passed (fail-on: error)");
	}

	private static CheckReport run(FailOn failOn, List<String> ignore, ProductionCheck... checks) {
		ChecksProperties properties = new ChecksProperties();
		properties.setFailOn(failOn);
		properties.setIgnore(ignore);
		MockEnvironment environment = new MockEnvironment();
		return new ProductionChecks(List.of(checks), properties, environment).run(new CheckContext(environment,
				CheckReportTests.class.getClassLoader(), List.of(), false, null, DevToolsPresence.ABSENT));
	}

	private static ProductionCheck check(String id, Severity severity) {
		return new ProductionCheck() {

			@Override
			public String id() {
				return id;
			}

			@Override
			public Optional<Finding> evaluate(CheckContext context) {
				return Optional.of(new Finding(id, severity, id + " is wrong", "set the " + id + " property"));
			}

		};
	}

}
