package io.serverprofiles.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;

/**
 * The deploy bundle an application writes about itself with
 * {@code --server-profiles.deploy.export=DIR}, and its files read back for checks.
 * Exported by the packaged jar exactly as users run it
 * ({@link #export(Path, Path, List)}), or by the application's class in the test's JVM,
 * for tests that run before the jar is packaged
 * ({@link #export(Class, Path, String...)}).
 */
public final class DeployBundle {

	private final Path directory;

	private final String output;

	private DeployBundle(Path directory, String output) {
		this.directory = directory;
		this.output = output;
	}

	/**
	 * Export the bundle of a packaged application: {@code java -jar app.jar
	 * --server-profiles.deploy.export=DIR}, and wait for the export to succeed.
	 * @param jar the application's executable jar
	 * @param directory where the bundle goes
	 * @param arguments further command-line arguments, such as {@code --server.port=9000}
	 * @return the bundle
	 * @throws IOException when the export cannot run
	 * @throws InterruptedException when interrupted while waiting for it
	 */
	public static DeployBundle export(Path jar, Path directory, List<String> arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("--server-profiles.deploy.export=" + directory));
		command.addAll(arguments);
		try (PackagedJar export = PackagedJar.start(jar, command.toArray(String[]::new))) {
			int exitCode = export.awaitExit(Duration.ofSeconds(120));
			if (exitCode != 0) {
				throw new IllegalStateException("export exited with " + exitCode + ":\n" + export.outputFile().tail());
			}
			return new DeployBundle(directory, export.output());
		}
	}

	/**
	 * Export the bundle of an application in this JVM, through the same
	 * {@code --server-profiles.deploy.export} run that {@code java -jar} does.
	 * @param application the application's {@code @SpringBootApplication} class
	 * @param directory where the bundle goes
	 * @param arguments further command-line arguments, such as {@code --server.port=9000}
	 * @return the bundle
	 */
	public static DeployBundle export(Class<?> application, Path directory, String... arguments) {
		List<String> args = new ArrayList<>(List.of("--server-profiles.deploy.export=" + directory));
		args.addAll(List.of(arguments));
		SpringApplication.run(application, args.toArray(String[]::new)).close();
		return new DeployBundle(directory, "");
	}

	/**
	 * A bundle that is already written.
	 * @param directory where it is
	 * @return the bundle
	 */
	public static DeployBundle read(Path directory) {
		return new DeployBundle(directory, "");
	}

	public Path directory() {
		return this.directory;
	}

	/**
	 * A file of the bundle.
	 * @param relative its path in the bundle, e.g. {@code nginx/sites/app.conf}
	 * @return its path
	 */
	public Path path(String relative) {
		return this.directory.resolve(relative);
	}

	/**
	 * The text of a file of the bundle.
	 * @param relative its path in the bundle, e.g. {@code docker/Dockerfile}
	 * @return its content
	 */
	public String text(String relative) {
		try {
			return Files.readString(path(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The rendered Dockerfile, its port filled in.
	 * @return {@code docker/Dockerfile}
	 */
	public Path dockerfile() {
		return path("docker/Dockerfile");
	}

	/**
	 * The rendered nginx configuration: {@code nginx.conf}, {@code snippets/},
	 * {@code sites/app.conf}, and {@code tls/} once certificates are put there.
	 * @return {@code nginx/}
	 */
	public Path nginxDirectory() {
		return path("nginx");
	}

	/**
	 * What the export of the packaged jar printed.
	 * @return its output, empty for a bundle exported in this JVM or read
	 */
	public String output() {
		return this.output;
	}

}
