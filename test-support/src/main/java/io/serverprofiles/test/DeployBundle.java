package io.serverprofiles.test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The deploy bundle an application writes about itself: {@code java -jar app.jar
 * --server-profiles.deploy.export=DIR}, run exactly as users run it.
 */
public final class DeployBundle {

	private final Path directory;

	private final String output;

	private DeployBundle(Path directory, String output) {
		this.directory = directory;
		this.output = output;
	}

	/**
	 * Export the bundle of a packaged application and wait for the export to succeed.
	 * @param jar the application's executable jar
	 * @param directory where the bundle goes
	 * @param arguments further command-line arguments, such as {@code --server.port=9000}
	 * @return the bundle
	 * @throws IOException when the export cannot run
	 * @throws InterruptedException when interrupted while waiting for it
	 */
	public static DeployBundle export(Path jar, Path directory, List<String> arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(javaExecutable(), "-jar", jar.toString(), "--server-profiles.deploy.export=" + directory));
		command.addAll(arguments);
		Path log = Files.createTempFile("deploy-export", ".log");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("export did not finish:\n" + Files.readString(log));
			}
			String output = Files.readString(log, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException("export exited with " + process.exitValue() + ":\n" + output);
			}
			return new DeployBundle(directory, output);
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	public Path directory() {
		return this.directory;
	}

	/**
	 * The rendered Dockerfile, its port filled in.
	 * @return {@code docker/Dockerfile}
	 */
	public Path dockerfile() {
		return this.directory.resolve("docker/Dockerfile");
	}

	/**
	 * The rendered nginx configuration: {@code nginx.conf}, {@code snippets/},
	 * {@code sites/app.conf}, and {@code tls/} once certificates are put there.
	 * @return {@code nginx/}
	 */
	public Path nginxDirectory() {
		return this.directory.resolve("nginx");
	}

	/**
	 * What the export printed.
	 * @return its output
	 */
	public String output() {
		return this.output;
	}

	private static String javaExecutable() {
		return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
	}

}
