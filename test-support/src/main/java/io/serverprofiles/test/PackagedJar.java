package io.serverprofiles.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An application's executable jar run with {@code java -jar}, as production runs it, or
 * launched another way its packaging allows ({@code -cp … MainClass}, an extracted
 * layout); either to completion ({@link #run}, for a command such as
 * {@code --server-profiles.checks.only}) or as a server ({@link #start}). Its output goes
 * to an {@link OutputFile}, not to the build's console; failures show the file's tail.
 */
public final class PackagedJar implements AutoCloseable {

	private static final Pattern STARTED_PORT = Pattern.compile("started on port (\\d+)");

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;

	private final OutputFile output;

	private PackagedJar(Process process, OutputFile output) {
		this.process = process;
		this.output = output;
	}

	/**
	 * Start the jar with these arguments.
	 * @param jar the executable jar
	 * @param arguments the application's arguments
	 * @return the running application
	 * @throws IOException when the JVM cannot be started
	 */
	public static PackagedJar start(Path jar, String... arguments) throws IOException {
		return launch(List.of("-jar", jar.toString()), arguments);
	}

	/**
	 * Start {@code java} with the launch arguments (how the application is packaged:
	 * {@code -jar app.jar}, {@code -cp … MainClass}).
	 * @param launch the JVM's arguments up to the application's own
	 * @param arguments the application's arguments
	 * @return the running application
	 * @throws IOException when the JVM cannot be started
	 */
	public static PackagedJar launch(List<String> launch, String... arguments) throws IOException {
		return launch(Map.of(), Path.of(""), launch, arguments);
	}

	/**
	 * Start {@code java} with the launch arguments (how the application is packaged:
	 * {@code -jar app.jar}, {@code -cp … MainClass}), in a working directory of its own
	 * (an image's WORKDIR), with environment variables added to the test's own.
	 * @param environment the variables to add
	 * @param directory the working directory
	 * @param launch the JVM's arguments up to the application's own
	 * @param arguments the application's arguments
	 * @return the running application
	 * @throws IOException when the JVM cannot be started
	 */
	public static PackagedJar launch(Map<String, String> environment, Path directory, List<String> launch,
			String... arguments) throws IOException {
		OutputFile output = OutputFile.create("app");
		List<String> command = new ArrayList<>(List.of(javaExecutable()));
		command.addAll(launch);
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.path().toFile())
			.directory(directory.toAbsolutePath().toFile());
		builder.environment().putAll(environment);
		return new PackagedJar(builder.start(), output);
	}

	/**
	 * Run the jar to its end.
	 * @param jar the executable jar
	 * @param arguments the application's arguments
	 * @return its exit code and output
	 * @throws IOException when the JVM cannot be started
	 * @throws InterruptedException when interrupted while waiting
	 */
	public static Result run(Path jar, String... arguments) throws IOException, InterruptedException {
		try (PackagedJar app = start(jar, arguments)) {
			return new Result(app.awaitExit(), app.output());
		}
	}

	/**
	 * Wait until the output has a line that matches, or fail with the output's tail.
	 * @param pattern what to wait for
	 * @return the output so far
	 */
	public String awaitOutput(Pattern pattern) {
		try {
			Awaitility.await("output matching " + pattern)
				.atMost(STARTUP_TIMEOUT)
				.until(() -> pattern.matcher(output()).find() || !this.process.isAlive());
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("never logged " + pattern + ":\n" + this.output.tail(), ex);
		}
		String output = output();
		if (!pattern.matcher(output).find()) {
			throw new IllegalStateException("exited without logging " + pattern + ":\n" + this.output.tail());
		}
		return output;
	}

	/**
	 * Wait for the web server to say which port it listens on ({@code … started on port
	 * N}).
	 * @return the port
	 */
	public int awaitPort() {
		Matcher matcher = STARTED_PORT.matcher(awaitOutput(STARTED_PORT));
		matcher.find();
		return Integer.parseInt(matcher.group(1));
	}

	/**
	 * Send SIGTERM, as an orchestrator does, and wait for the process to end.
	 * @return its exit code
	 * @throws InterruptedException when interrupted while waiting
	 */
	public int terminate() throws InterruptedException {
		this.process.destroy();
		return awaitExit();
	}

	/**
	 * Wait for the process to end on its own, for a minute at most.
	 * @return its exit code
	 * @throws InterruptedException when interrupted while waiting
	 */
	public int awaitExit() throws InterruptedException {
		return awaitExit(Duration.ofSeconds(60));
	}

	/**
	 * Wait for the process to end on its own.
	 * @param timeout how long at most
	 * @return its exit code
	 * @throws InterruptedException when interrupted while waiting
	 */
	public int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("did not exit within " + timeout + ":\n" + this.output.tail());
		}
		return this.process.exitValue();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Everything the application printed so far.
	 * @return its output
	 */
	public String output() {
		return this.output.read();
	}

	/**
	 * The file the output goes to, kept after the application ends.
	 * @return the file
	 */
	public OutputFile outputFile() {
		return this.output;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	/**
	 * The {@code java} launcher of the JVM running the test.
	 * @return its path
	 */
	public static String javaExecutable() {
		return jdkTool("java");
	}

	static String jdkTool(String name) {
		return System.getProperty("java.home") + File.separator + "bin" + File.separator + name;
	}

	/**
	 * How a run ended.
	 *
	 * @param exitCode the JVM's exit code
	 * @param output everything it printed
	 */
	public record Result(int exitCode, String output) {

	}

}
