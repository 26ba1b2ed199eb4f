package io.serverprofiles.test;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A tool from the machine that a test needs. Missing, it skips the test with a message
 * that says how to install it, unless its REQUIRE variable is {@code true} (as
 * {@code .ci/run} sets every one), which makes it a failure: CI never skips silently.
 *
 * @param executable where the tool is
 * @param install how to get it
 * @param requireVariable the environment variable that makes its absence a failure
 */
public record RequiredTool(Path executable, String install, String requireVariable) {

	public static final RequiredTool NGINX = new RequiredTool(
			Path.of(System.getProperty("nginx.binary", "/usr/sbin/nginx")),
			"apt-get install nginx, or -Dnginx.binary=PATH", "SERVER_PROFILES_REQUIRE_NGINX");

	public static final RequiredTool ENVSUBST = new RequiredTool(Path.of("/usr/bin/envsubst"),
			"apt-get install gettext-base", "SERVER_PROFILES_REQUIRE_TOOLS");

	public static final RequiredTool SYSTEMD_ANALYZE = new RequiredTool(Path.of("/usr/bin/systemd-analyze"),
			"apt-get install systemd", "SERVER_PROFILES_REQUIRE_TOOLS");

	/**
	 * Skip the calling test when the tool is missing, or fail it when CI requires it.
	 * @return the tool's path
	 */
	public Path require() {
		if (Files.isExecutable(this.executable)) {
			return this.executable;
		}
		String message = this.executable + " is not installed (" + this.install + ")";
		if ("true".equalsIgnoreCase(System.getenv(this.requireVariable))) {
			Assertions.fail(message + ", and " + this.requireVariable + "=true requires the tests that use it to run");
		}
		Assumptions.abort(message + "; the test is skipped (" + this.requireVariable + "=true makes this a failure)");
		return this.executable;
	}

}
