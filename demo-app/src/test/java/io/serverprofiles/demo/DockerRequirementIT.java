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
		String problem = dockerProblem();
		if (problem == null) {
			return;
		}
		String message = "no Docker engine (" + problem + "): the container tests (ContainerDeploymentIT) are skipped";
		if ("true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
			Assertions.fail(message + ", but " + REQUIRE_VARIABLE + "=true requires them to run");
		}
		System.out.println(message);
		Assumptions.abort(message);
	}

	/**
	 * Why Docker cannot be used, or {@code null} when it can. On an engine without a
	 * bridge network Testcontainers throws instead of answering, unless
	 * {@code TESTCONTAINERS_HOST_OVERRIDE} names the host.
	 */
	private static String dockerProblem() {
		try {
			return DockerClientFactory.instance().isDockerAvailable() ? null : "none found";
		}
		catch (RuntimeException ex) {
			return ex.getMessage().strip();
		}
	}

}
