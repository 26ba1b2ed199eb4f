package io.serverprofiles.test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An application's executable jar run with {@code java -jar}, as production runs it, with
 * its output in a file: either to completion ({@link #run}, for a command such as
 * {@code --server-profiles.checks.only}) or as a server ({@link #start}).
 */
public final class PackagedJar implements AutoCloseable {

	private final Process process;

	private final Path output;

	private PackagedJar(Process process, Path output) {
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
		Path output = Files.createTempFile("packaged-jar", ".log");
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		return new PackagedJar(process, output);
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
			if (!app.process.waitFor(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("java -jar " + jar + " did not end:\n" + app.output());
			}
			return new Result(app.process.exitValue(), app.output());
		}
	}

	/**
	 * Wait until the output has a line that matches, or fail with the output.
	 * @param pattern what to wait for
	 * @return the output so far
	 */
	public String awaitOutput(Pattern pattern) {
		try {
			Awaitility.await("output matching " + pattern)
				.atMost(Duration.ofSeconds(60))
				.until(() -> pattern.matcher(output()).find() || !this.process.isAlive());
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("never logged " + pattern + ":\n" + output(), ex);
		}
		String output = output();
		if (!pattern.matcher(output).find()) {
			throw new IllegalStateException("exited without logging " + pattern + ":\n" + output);
		}
		return output;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public String output() {
		try {
			return Files.readString(this.output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(output unreadable: " + ex + ")";
		}
	}

	@Override
	public void close() throws InterruptedException, IOException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
		Files.deleteIfExists(this.output);
	}

	private static String javaExecutable() {
		return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
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
