package io.serverprofiles.autoconfigure.checks;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import io.serverprofiles.autoconfigure.prod.ProdServerDefaults;
import io.serverprofiles.autoconfigure.support.OutsideTheTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each built-in check fires on its unsafe configuration, names the property that fixes
 * it, and stays quiet on a good prod configuration (prod's defaults plus allowed hosts).
 */
class BuiltInChecksTests {

	private static final List<ProductionCheck> ALL = List.of(RuntimeChecks.devtools(), ExposureChecks.errorDetails(),
			ExposureChecks.sensitiveEndpoints(), ExposureChecks.healthDetails(), NetworkChecks.allowedHosts(),
			NetworkChecks.trustEveryone(), RuntimeChecks.gracefulShutdown(), NetworkChecks.insecureSessionCookie(),
			RuntimeChecks.h2Console(), RuntimeChecks.debugLogging(), NetworkChecks.plainHttpWithoutProxy(),
			RuntimeChecks.containerHeap(), RuntimeChecks.gracePeriod(), ExposureChecks.serverProfileEndpoint(),
			NetworkChecks.containerForwardedHeaders(), NetworkChecks.defaultTrustedProxies());

	@Test
	void aGoodProdConfigurationHasNoFindings() {
		assertThat(findings(goodProd(), false, List.of(), null)).isEmpty();
	}

	@Test
	void idsAreUniqueAndStable() {
		assertThat(ALL.stream().map(ProductionCheck::id)).doesNotHaveDuplicates()
			.allMatch((id) -> id.matches("SP-1\\d\\d"));
	}

	static Stream<Arguments> unsafeConfigurations() {
		return Stream.of(
				Arguments.of("SP-102", Map.of("spring.web.error.include-stacktrace", "always"),
						"spring.web.error.include-stacktrace"),
				Arguments.of("SP-102", Map.of("spring.web.error.include-exception", "true"), "include-exception=false"),
				Arguments.of("SP-103", Map.of("management.endpoints.web.exposure.include", "health,env,heapdump"),
						"management.endpoints.web.exposure.include"),
				Arguments.of("SP-103", Map.of("management.endpoints.web.exposure.include", "*"), "Spring Security"),
				Arguments.of("SP-104", Map.of("management.endpoint.health.show-details", "always"),
						"management.endpoint.health.show-details"),
				Arguments.of("SP-105", Map.of("server-profiles.prod.allowed-hosts", ""),
						"server-profiles.prod.allowed-hosts"),
				Arguments.of("SP-106", Map.of("server-profiles.prod.trusted-proxies", "10.0.0.0/8,0.0.0.0/0"),
						"server-profiles.prod.trusted-proxies"),
				Arguments.of("SP-106", Map.of("server-profiles.prod.trusted-proxies", "::/0"),
						"server-profiles.prod.trusted-proxies"),
				// Other spellings of every IPv4 address, as the trusted proxies read
				// them.
				Arguments.of("SP-106", Map.of("server-profiles.prod.trusted-proxies", "0.0.0.0/ 0"),
						"server-profiles.prod.trusted-proxies"),
				Arguments.of("SP-106", Map.of("server-profiles.prod.trusted-proxies", "::ffff:0:0/96"),
						"server-profiles.prod.trusted-proxies"),
				Arguments.of("SP-107", Map.of("server.shutdown", "immediate"), "server.shutdown"),
				Arguments.of("SP-108", Map.of("server.servlet.session.cookie.secure", "false"),
						"server.servlet.session.cookie.secure"),
				Arguments.of("SP-109", Map.of("spring.h2.console.enabled", "true"), "spring.h2.console.enabled"),
				Arguments.of("SP-110", Map.of("logging.level.root", "debug"), "logging.level.root"),
				Arguments.of("SP-110", Map.of("logging.level.org.springframework", "TRACE"), "logging.level.root"),
				Arguments.of("SP-111", Map.of("server-profiles.prod.trusted-proxies", ""), "server.ssl"),
				Arguments.of("SP-114", Map.of("management.endpoints.web.exposure.include", "health,serverprofile"),
						"serverprofile"),
				Arguments.of("SP-115", Map.of("server.forward-headers-strategy", "native"),
						"server.forward-headers-strategy"));
	}

	@ParameterizedTest(name = "{0} fires on {1}")
	@MethodSource("unsafeConfigurations")
	void eachCheckFiresOnItsUnsafeConfigurationAndNamesTheFix(String id, Map<String, Object> unsafe, String fixNames) {
		MockEnvironment environment = goodProd();
		environment.getPropertySources().addFirst(new MapPropertySource("unsafe", unsafe));
		List<Finding> findings = findings(environment, false, List.of(), null);
		assertThat(findings).extracting(Finding::id).contains(id);
		Finding finding = findings.stream().filter((candidate) -> candidate.id().equals(id)).findFirst().orElseThrow();
		assertThat(finding.fix()).contains(fixNames);
		assertThat(finding.finding()).isNotBlank();
	}

	@Test
	void theDefaultTrustedProxiesAreAWarningThatSaysWhatToSet() {
		MockEnvironment environment = goodProd();
		((Properties) environment.getPropertySources()
			.get(MockPropertySource.MOCK_PROPERTIES_PROPERTY_SOURCE_NAME)
			.getSource()).remove("server-profiles.prod.trusted-proxies");
		Finding finding = findings(environment, false, List.of(), null).stream()
			.filter((candidate) -> candidate.id().equals("SP-116"))
			.findFirst()
			.orElseThrow();
		assertThat(finding.severity()).isEqualTo(Severity.WARNING);
		assertThat(finding.fix()).contains("server-profiles.prod.trusted-proxies").contains("127.0.0.1/32");
	}

	@Test
	void heapCheckFiresInAContainerWithoutAHeapFlag() {
		assertThat(findings(goodProd(), true, List.of("-Dfoo=bar"), null)).extracting(Finding::id)
			.containsExactly("SP-112");
		assertThat(findings(goodProd(), true, List.of("-XX:MaxRAMPercentage=75.0"), null)).isEmpty();
		assertThat(findings(goodProd(), true, List.of("-Xmx512m"), null)).isEmpty();
	}

	@Test
	void gracePeriodCheckFiresWhenDrainAndShutdownDoNotFit() {
		MockEnvironment environment = goodProd().withProperty("server-profiles.prod.drain-delay", "10s");
		List<Finding> findings = findings(environment, false, List.of(), Duration.ofSeconds(30));
		assertThat(findings).extracting(Finding::id).containsExactly("SP-113");
		assertThat(findings.get(0).finding()).contains("10s").contains("30s").contains("40s");
		assertThat(findings(goodProd(), false, List.of(), Duration.ofSeconds(45))).isEmpty();
	}

	@Test
	void devtoolsUnderATestRunnerIsNotAFinding() {
		// devtools is on this test classpath, as on every user's; it stays
		// off under JUnit.
		assertThat(DevToolsPresence.onThisThread(goodProd())).isEqualTo(DevToolsPresence.ABSENT);
		assertThat(devtoolsFinding(goodProd(), DevToolsPresence.onThisThread(goodProd()))).isEmpty();
	}

	@Test
	void devtoolsShippedButInertIsAWarningThatSaysHowToLeaveItOut() throws Exception {
		DevToolsPresence presence = OutsideTheTestRunner.call(() -> DevToolsPresence.onThisThread(goodProd()));
		assertThat(presence).isEqualTo(DevToolsPresence.INERT);
		assertThat(devtoolsFinding(goodProd(), presence)).hasValueSatisfying((finding) -> {
			assertThat(finding.id()).isEqualTo("SP-101");
			assertThat(finding.severity()).isEqualTo(Severity.WARNING);
			assertThat(finding.finding()).contains("inert");
			assertThat(finding.fix()).contains("developmentOnly");
		});
	}

	@Test
	void remoteDevtoolsInProdIsAnError() throws Exception {
		MockEnvironment environment = goodProd();
		environment.setProperty("spring.devtools.remote.secret", "s3cret");
		DevToolsPresence presence = OutsideTheTestRunner.call(() -> DevToolsPresence.onThisThread(environment));
		assertThat(presence).isEqualTo(DevToolsPresence.ACTIVE);
		assertThat(devtoolsFinding(environment, presence)).hasValueSatisfying((finding) -> {
			assertThat(finding.severity()).isEqualTo(Severity.ERROR);
			assertThat(finding.fix()).contains("spring.devtools.remote.secret");
		});
	}

	@Test
	void aRunningRestarterIsAnErrorUnlessRestartIsSwitchedOff() throws Exception {
		Restarter.clearInstance();
		try {
			// What spring-boot:run does, minus the restart itself.
			Restarter.initialize(new String[0], false, (thread) -> new URL[0], false);
			MockEnvironment environment = new MockEnvironment();
			assertThat(OutsideTheTestRunner.call(() -> DevToolsPresence.onThisThread(environment)))
				.isEqualTo(DevToolsPresence.ACTIVE);
			// prod's defaults switch restart off: what an IDE run with mode=prod gets.
			assertThat(OutsideTheTestRunner.call(() -> DevToolsPresence.onThisThread(goodProd())))
				.isEqualTo(DevToolsPresence.INERT);
		}
		finally {
			Restarter.clearInstance();
		}
	}

	private static Optional<Finding> devtoolsFinding(MockEnvironment environment, DevToolsPresence presence) {
		return RuntimeChecks.devtools()
			.evaluate(new CheckContext(environment, BuiltInChecksTests.class.getClassLoader(), List.of(), false, null,
					presence));
	}

	private static MockEnvironment goodProd() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources().addLast(new MapPropertySource("prod", ProdServerDefaults.properties()));
		environment.setProperty("server-profiles.prod.allowed-hosts", "example.com,.example.com");
		environment.setProperty("server-profiles.prod.trusted-proxies", "10.0.0.0/8");
		return environment;
	}

	private static List<Finding> findings(MockEnvironment environment, boolean container, List<String> jvmArguments,
			Duration gracePeriod) {
		return new ProductionChecks(ALL, new ChecksProperties(), environment)
			.run(context(environment, container, jvmArguments, gracePeriod))
			.findings();
	}

	private static CheckContext context(MockEnvironment environment, boolean container, List<String> jvmArguments,
			Duration gracePeriod) {
		return new CheckContext(environment, BuiltInChecksTests.class.getClassLoader(), jvmArguments, container,
				gracePeriod, DevToolsPresence.ABSENT);
	}

}
