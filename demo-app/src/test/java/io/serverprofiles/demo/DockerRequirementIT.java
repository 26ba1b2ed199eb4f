package io.serverprofiles.demo;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * Says in one line why the container tests ({@link ContainerDeploymentIT}) did not run
 * when there is no Docker, and fails the build instead when
 * {@code SERVER_PROFILES_REQUIRE_DOCKER=true} (CI) requires them to run.
 */
class DockerRequirementIT {

	static final String REQUIRE_VARIABLE = "SERVER_PROFILES_REQUIRE_DOCKER";

	@Test
	void dockerIsAvailableWhereTheContainerTestsAreRequired() {
		if (DockerClientFactory.instance().isDockerAvailable()) {
			return;
		}
		String message = "no Docker engine found: the container tests (ContainerDeploymentIT) are skipped";
		if ("true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
			Assertions.fail(message + ", but " + REQUIRE_VARIABLE + "=true requires them to run");
		}
		Assumptions.abort(message);
	}

}
