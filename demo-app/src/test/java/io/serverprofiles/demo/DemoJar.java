package io.serverprofiles.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.serverprofiles.test.DeployBundle;
import io.serverprofiles.test.PackagedJar;

/**
 * The packaged demo jar, run as {@code java -jar} the way production runs it
 * ({@link PackagedJar}), and its {@code --server-profiles.deploy.export}.
 */
final class DemoJar {

	private DemoJar() {
	}

	static Path path() {
		return Path.of(System.getProperty("demo.jar", "target/demo-app.jar"));
	}

	/**
	 * Start the jar on a random port.
	 * @param arguments further command-line arguments
	 * @return the running jar
	 */
	static PackagedJar start(String... arguments) throws IOException {
		List<String> withPort = new ArrayList<>(List.of("--server.port=0"));
		withPort.addAll(List.of(arguments));
		return startWith(withPort.toArray(String[]::new));
	}

	/**
	 * Start the jar with exactly these arguments (no random port added).
	 * @param arguments command-line arguments
	 * @return the running jar
	 */
	static PackagedJar startWith(String... arguments) throws IOException {
		return PackagedJar.start(path(), arguments);
	}

	/**
	 * Run {@code java -jar demo-app.jar --server-profiles.deploy.export=DIR}, the command
	 * users run, and wait for it to succeed.
	 * @param directory where the bundle goes
	 * @param arguments further command-line arguments
	 * @return the bundle
	 */
	static DeployBundle export(Path directory, String... arguments) throws Exception {
		return DeployBundle.export(path(), directory, List.of(arguments));
	}

}
