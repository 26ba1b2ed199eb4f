package io.serverprofiles.autoconfigure.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one list of probe paths, under the actuator base path the app configures and after
 * its context path.
 */
class ProbePathsTests {

	@Test
	void theProbesAndHealthWithItsGroupsAreProbes() {
		ProbePaths probes = ProbePaths.of(new MockEnvironment());
		assertThat(probes.matches("/livez")).isTrue();
		assertThat(probes.matches("/readyz")).isTrue();
		assertThat(probes.matches("/actuator/health")).isTrue();
		assertThat(probes.matches("/actuator/health/liveness")).isTrue();
		assertThat(probes.matches("/actuator/healthz")).isFalse();
		assertThat(probes.matches("/actuator/info")).isFalse();
		assertThat(probes.matches("/livez/x")).isFalse();
		assertThat(probes.patterns()).containsExactly("/livez", "/readyz", "/actuator/health", "/actuator/health/**");
	}

	@Test
	void aMovedActuatorMovesHealth() {
		ProbePaths probes = ProbePaths
			.of(new MockEnvironment().withProperty("management.endpoints.web.base-path", "/manage"));
		assertThat(probes.matches("/manage/health/readiness")).isTrue();
		assertThat(probes.matches("/actuator/health")).isFalse();
	}

	@Test
	void aRequestIsJudgedWithinTheApplicationAfterItsContextPath() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/readyz");
		request.setContextPath("/app");
		request.setServletPath("/readyz");
		assertThat(ProbePaths.of(new MockEnvironment()).matches(request)).isTrue();
	}

	@Test
	void theManagementPortIsSeparateOnlyWhenSetToAnotherPort() {
		assertThat(separate(new MockEnvironment())).isFalse();
		assertThat(separate(new MockEnvironment().withProperty("management.server.port", "8081"))).isTrue();
		assertThat(separate(new MockEnvironment().withProperty("management.server.port", "0"))).isTrue();
		assertThat(separate(new MockEnvironment().withProperty("management.server.port", "-1"))).isFalse();
		assertThat(separate(new MockEnvironment().withProperty("management.server.port", "8080"))).isFalse();
		assertThat(separate(new MockEnvironment().withProperty("server.port", "9000")
			.withProperty("management.server.port", "9000"))).isFalse();
		assertThat(separate(new MockEnvironment().withProperty("server.port", "9000")
			.withProperty("management.server.port", "8080"))).isTrue();
	}

	@Test
	void livenessGoesToASeparateManagementPortUnlessTheAdditionalPathsAreOff() {
		MockEnvironment separate = new MockEnvironment().withProperty("management.server.port", "8081");
		assertThat(ProbePaths.livenessOnManagementPort(separate)).isTrue();
		assertThat(ProbePaths.livenessOnManagementPort(new MockEnvironment())).isFalse();
		separate.setProperty("management.endpoint.health.probes.add-additional-paths", "false");
		assertThat(ProbePaths.livenessOnManagementPort(separate)).isFalse();
	}

	private static boolean separate(MockEnvironment environment) {
		return ProbePaths.managementPortIsSeparate(environment);
	}

}
