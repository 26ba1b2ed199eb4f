package io.serverprofiles.samples.security;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample: the production checks' command works beside Spring Security (it
 * used to stop on the application's chain, which needs a web server's HttpSecurity).
 */
class SecuredJarIT {

	@TempDir
	Path work;

	@Test
	void theChecksOnlyModeRunsBesideSpringSecurity() throws Exception {
		Run run = run("--server-profiles.checks.only");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("server-profiles readiness checks:").doesNotContain("HttpSecurity");
	}

	@Test
	void sensitiveEndpointsBehindSpringSecurityAreNotAFinding() throws Exception {
		Run run = run("--server-profiles.checks.only", "--management.endpoints.web.exposure.include=*");
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).doesNotContain("SP-103");
	}

	private Run run(String... arguments) throws Exception {
		Path output = this.work.resolve("output.log");
		List<String> command = new ArrayList<>(
				List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-jar",
						System.getProperty("sample.jar", "target/security-app.jar")));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String output) {

	}

}
