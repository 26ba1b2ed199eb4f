package io.serverprofiles.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real nginx binary run by a test with a rendered configuration, without a container:
 * in the foreground, with its pid file and error log in a work directory beside the
 * configuration, on the loopback ports the configuration names. Missing nginx skips the
 * test, unless {@code SERVER_PROFILES_REQUIRE_NGINX=true} (CI) makes that a failure.
 *
 * <pre class="code">
 * Nginx.assumeInstalled();
 * try (Nginx nginx = Nginx.start(bundle.nginxDirectory().resolve("nginx.conf"), httpPort, httpsPort)) {
 *     // requests to https://localhost:httpsPort/
 * }
 * </pre>
 */
public final class Nginx implements AutoCloseable {

	private final Process process;

	private final Path work;

	private Nginx(Process process, Path work) {
		this.process = process;
		this.work = work;
	}

	/**
	 * The nginx binary: {@code -Dnginx.binary}, otherwise Debian's.
	 * @return its path
	 */
	public static Path binary() {
		return RequiredTool.NGINX.executable();
	}

	/**
	 * Skip the calling test when nginx is not installed, or fail it when CI requires
	 * nginx.
	 */
	public static void assumeInstalled() {
		RequiredTool.NGINX.require();
	}

	/**
	 * {@code nginx -t} on a configuration.
	 * @param config the main configuration file (nginx.conf)
	 * @return the exit code and output
	 * @throws IOException when nginx cannot run
	 * @throws InterruptedException when interrupted while waiting for it
	 */
	public static Result test(Path config) throws IOException, InterruptedException {
		Path work = prepare(config);
		List<String> command = command(config, work, "pid " + work.resolve("nginx.pid") + ";");
		command.add("-t");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.waitFor(), output + Files.readString(work.resolve("error.log")));
	}

	/**
	 * Start nginx in the foreground and wait (20 seconds at most) until it accepts
	 * connections.
	 * @param config the main configuration file (nginx.conf)
	 * @param ports the loopback ports the configuration listens on
	 * @return the running nginx
	 * @throws IOException when nginx cannot start
	 * @throws InterruptedException when interrupted while stopping a failed start
	 */
	public static Nginx start(Path config, int... ports) throws IOException, InterruptedException {
		Path work = prepare(config);
		List<String> command = command(config, work, "daemon off; pid " + work.resolve("nginx.pid") + ";");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("nginx.out").toFile())
			.start();
		Nginx nginx = new Nginx(process, work);
		try {
			Awaitility.await("nginx accepting connections")
				.atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> !process.isAlive()
						|| IntStream.of(ports).allMatch((port) -> LoopbackPorts.accepts("127.0.0.1", port)));
		}
		catch (ConditionTimeoutException ex) {
			// Reported below, with the error log.
		}
		if (!IntStream.of(ports).allMatch((port) -> LoopbackPorts.accepts("127.0.0.1", port))) {
			nginx.close();
			throw new IllegalStateException("nginx did not start:\n" + nginx.errorLog());
		}
		return nginx;
	}

	/**
	 * What nginx wrote to its error log so far.
	 * @return the log
	 * @throws IOException when it cannot be read
	 */
	public String errorLog() throws IOException {
		Path log = this.work.resolve("error.log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	/**
	 * A work directory next to the configuration, and the {@code mime.types} that
	 * nginx.conf includes (from the installed nginx, as on a real host).
	 */
	private static Path prepare(Path config) throws IOException {
		Path directory = config.toAbsolutePath().getParent();
		if (directory == null) {
			throw new IllegalArgumentException(config + " has no directory");
		}
		Path mimeTypes = directory.resolve("mime.types");
		Path installed = Path.of("/etc/nginx/mime.types");
		if (!Files.exists(mimeTypes)) {
			if (Files.exists(installed)) {
				Files.copy(installed, mimeTypes);
			}
			else {
				Files.writeString(mimeTypes, "types { text/css css; application/javascript js; }\n");
			}
		}
		Path work = Files.createDirectories(directory.resolveSibling("nginx-run"));
		Files.deleteIfExists(work.resolve("error.log"));
		Files.createFile(work.resolve("error.log"));
		return work;
	}

	private static List<String> command(Path config, Path work, String globals) {
		return new ArrayList<>(List.of(binary().toString(), "-p", config.getParent() + "/", "-c", config.toString(),
				"-e", work.resolve("error.log").toString(), "-g", globals));
	}

	/**
	 * What {@code nginx -t} said.
	 *
	 * @param exitCode 0 when the configuration is valid
	 * @param output its messages and the error log
	 */
	public record Result(int exitCode, String output) {

	}

}
