package io.serverprofiles.samples.security;

import java.nio.file.Path;

import io.serverprofiles.test.PackagedJar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample: the production checks' command works beside Spring Security (it
 * used to stop on the application's chain, which needs a web server's HttpSecurity).
 */
class SecuredJarIT {

	private static final Path JAR = Path.of(System.getProperty("sample.jar", "target/security-app.jar"));

	@Test
	void theChecksOnlyModeRunsBesideSpringSecurity() throws Exception {
		PackagedJar.Result run = PackagedJar.run(JAR, "--server-profiles.checks.only");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("server-profiles production checks:").doesNotContain("HttpSecurity");
	}

	@Test
	void sensitiveEndpointsBehindSpringSecurityAreNotAFinding() throws Exception {
		PackagedJar.Result run = PackagedJar.run(JAR, "--server-profiles.checks.only",
				"--management.endpoints.web.exposure.include=*");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).doesNotContain("SP-103");
	}

}
