package io.serverprofiles.test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

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

	// Copies a piped output into the file; null when the output goes to the file itself.
	private final @Nullable Thread copier;

	private PackagedJar(Process process, OutputFile output, @Nullable Thread copier) {
		this.process = process;
		this.output = output;
		this.copier = copier;
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
		ProcessBuilder builder = builder(environment, directory, launch, arguments)
			.redirectOutput(output.path().toFile());
		return new PackagedJar(builder.start(), output, null);
	}

	/**
	 * Start {@code java} with the launch arguments and its output on a pipe, as a
	 * container runtime or a process manager reads it; the test copies what comes through
	 * into the output file.
	 * @param launch the JVM's arguments up to the application's own
	 * @param arguments the application's arguments
	 * @return the running application
	 * @throws IOException when the JVM cannot be started
	 */
	public static PackagedJar launchThroughPipe(List<String> launch, String... arguments) throws IOException {
		OutputFile output = OutputFile.create("app");
		Process process = builder(Map.of(), Path.of(""), launch, arguments).start();
		Thread copier = new Thread(() -> copy(process.getInputStream(), output.path()), "app-output-copier");
		copier.setDaemon(true);
		copier.start();
		return new PackagedJar(process, output, copier);
	}

	private static ProcessBuilder builder(Map<String, String> environment, Path directory, List<String> launch,
			String... arguments) {
		List<String> command = new ArrayList<>(List.of(javaExecutable()));
		command.addAll(launch);
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.directory(directory.toAbsolutePath().toFile());
		builder.environment().putAll(environment);
		return builder;
	}

	private static void copy(InputStream piped, Path file) {
		try (piped; OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
			byte[] buffer = new byte[8192];
			for (int read = piped.read(buffer); read != -1; read = piped.read(buffer)) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
		// Through the handle: Process.destroy() also closes our end of a piped output,
		// and the lines the app writes while it stops would be lost (EPIPE), which no
		// container runtime does.
		this.process.toHandle().destroy();
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
		if (this.copier != null) {
			// The pipe ends with the process: the copier has the rest of its output.
			this.copier.join(timeout.toMillis());
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
