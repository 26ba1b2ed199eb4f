package io.serverprofiles.demo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverprofiles.test.DeployBundle;

/**
 * The packaged demo jar run as {@code java -jar}, the way production runs it. Output goes
 * to a file that tests read.
 */
final class DemoJar implements AutoCloseable {

	private static final Pattern STARTED_PORT = Pattern.compile("started on port (\\d+)");

	private final Process process;

	private final Path output;

	private DemoJar(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	static Path path() {
		return Path.of(System.getProperty("demo.jar", "target/demo-app.jar"));
	}

	static DemoJar start(String... arguments) throws IOException {
		List<String> withPort = new ArrayList<>(List.of("--server.port=0"));
		withPort.addAll(List.of(arguments));
		return startWith(withPort.toArray(String[]::new));
	}

	/**
	 * Start the jar with exactly these arguments (no random port added).
	 * @param arguments command-line arguments
	 * @return the running jar
	 */
	static DemoJar startWith(String... arguments) throws IOException {
		return launch(List.of("-jar", path().toString()), arguments);
	}

	/**
	 * Start the demo with {@code java}, the given launch arguments (how it is packaged:
	 * {@code -jar app.jar}, {@code -cp … MainClass}) and a random port.
	 * @param launch the JVM's arguments up to the application's own
	 * @param arguments the application's arguments
	 * @return the running demo
	 */
	static DemoJar launch(List<String> launch, String... arguments) throws IOException {
		return launch(Map.of(), launch, arguments);
	}

	/**
	 * Start the demo as {@link #launch(List, String...)} does, with environment variables
	 * added to the test's own.
	 * @param environment the variables to add
	 * @param launch the JVM's arguments up to the application's own
	 * @param arguments the application's arguments
	 * @return the running demo
	 */
	static DemoJar launch(Map<String, String> environment, List<String> launch, String... arguments)
			throws IOException {
		return launch(environment, Path.of(""), launch, arguments);
	}

	/**
	 * Start the demo as {@link #launch(Map, List, String...)} does, in a working
	 * directory of its own (an image's WORKDIR).
	 * @param environment the variables to add
	 * @param directory the working directory
	 * @param launch the JVM's arguments up to the application's own
	 * @param arguments the application's arguments
	 * @return the running demo
	 */
	static DemoJar launch(Map<String, String> environment, Path directory, List<String> launch, String... arguments)
			throws IOException {
		Path output = Files.createTempFile("demo-jar", ".log");
		List<String> command = new ArrayList<>(List.of(javaExecutable()));
		command.addAll(launch);
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.directory(directory.toAbsolutePath().toFile());
		builder.environment().putAll(environment);
		return new DemoJar(builder.start(), output);
	}

	/**
	 * Run {@code java -jar demo-app.jar --server-profiles.deploy.export=DIR}, the command
	 * users run, and wait for it to succeed.
	 * @param directory where the bundle goes
	 * @param arguments further command-line arguments
	 * @return the command's output
	 */
	static String export(Path directory, String... arguments) throws Exception {
		return DeployBundle.export(path(), directory, List.of(arguments)).output();
	}

	/**
	 * Send SIGTERM, as an orchestrator does, and wait for the process to end.
	 * @return its exit code
	 */
	int terminate() throws InterruptedException {
		this.process.destroy();
		return awaitExit();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Wait for the app to report the port it listens on.
	 * @return the port
	 */
	int awaitPort() throws IOException, InterruptedException {
		Matcher matcher = STARTED_PORT.matcher(awaitOutput(STARTED_PORT));
		matcher.find();
		return Integer.parseInt(matcher.group(1));
	}

	/**
	 * Wait until the output contains a line matching the pattern.
	 * @param pattern what to wait for
	 * @return the output so far
	 */
	String awaitOutput(Pattern pattern) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			String output = output();
			if (pattern.matcher(output).find()) {
				return output;
			}
			if (!this.process.isAlive()) {
				throw new IllegalStateException("demo jar exited early:\n" + output);
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("demo jar never logged " + pattern + ":\n" + output());
	}

	/**
	 * Wait for the process to end on its own.
	 * @return its exit code
	 */
	int awaitExit() throws InterruptedException {
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("demo jar did not exit");
		}
		return this.process.exitValue();
	}

	String output() throws IOException {
		return Files.readString(this.output, StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
		Files.deleteIfExists(this.output);
	}

	static String javaExecutable() {
		return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
	}

}
