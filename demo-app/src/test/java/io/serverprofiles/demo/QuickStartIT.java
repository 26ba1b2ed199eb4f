package io.serverprofiles.demo;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.serverprofiles.test.OutputFile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start on a fresh clone, in the order written, each command the first
 * time: {@code ./mvnw -pl demo-app -am spring-boot:run} serves the demo on the dev
 * server; after an edit to a request handler, typed without the project's formatting, the
 * README's recompile command {@code ./mvnw -pl demo-app -am compile} succeeds, and the
 * running app answers with the new code, swapped in without a restart.
 * <p>
 * The clone holds the repository's files ({@code git ls-files}, with their uncommitted
 * edits, nothing built) and a Maven repository of its own without this project's
 * artifacts; everything else comes from the build's own repository, read-only (Maven's
 * {@code maven.repo.local.tail}), offline.
 */
class QuickStartIT {

	private static final Duration BUILD_BOUND = Duration.ofMinutes(6);

	private static final Pattern APP_URL = Pattern.compile("  app +http://127\\.0\\.0\\.1:(\\d+)/");

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void theReadmesCommandsWorkOnAFreshClone(@TempDir Path work) throws Exception {
		Path clone = cloneOfTheRepository(work.resolve("clone"));
		List<String> maven = List.of("./mvnw", "-B", "-o", "-Dmaven.repo.local=" + work.resolve("repository"),
				"-Dmaven.repo.local.tail=" + repositoryWithoutThisProject(work.resolve("tail")));
		Maven run = Maven.start(clone, maven, "-pl", "demo-app", "-am", "spring-boot:run",
				"-Dspring-boot.run.arguments=--server.port=0");
		try {
			int port = Integer.parseInt(run.await(APP_URL).group(1));
			assertThat(run.output().read()).contains("server-profiles: DEV (started from the build's output");
			assertThat(hello(port)).contains("\"message\":\"Hello from server-profiles\"");
			run.await(Pattern.compile("Hot swap is ready"));

			Path controller = clone.resolve("demo-app/src/main/java/io/serverprofiles/demo/HelloController.java");
			String source = Files.readString(controller);
			String edited = source.replace("return new Hello(GREETING, this.serverMode.getMode().profile());",
					"return   new Hello( \"Hello, edited\" ,this.serverMode.getMode().profile()) ;\n\n\n");
			assertThat(edited).isNotEqualTo(source);
			Files.writeString(controller, edited);
			Maven compile = Maven.start(clone, maven, "-pl", "demo-app", "-am", "compile");
			assertThat(compile.awaitExit()).as(compile.output().tail()).isZero();

			Awaitility.await("the edited handler answers")
				.atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(hello(port)).contains("\"message\":\"Hello, edited\""));
			assertThat(run.output().read())
				.contains("Swapped io.serverprofiles.demo.HelloController into the running app, no restart");
		}
		finally {
			run.stop();
		}
	}

	/** The repository's files, as a clone has them, without anything a build made. */
	private static Path cloneOfTheRepository(Path clone) throws IOException, InterruptedException {
		Path root = Path.of("..").toAbsolutePath().normalize();
		Process files = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).start();
		String listing = new String(files.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(files.waitFor()).as("git ls-files in " + root).isZero();
		for (String file : listing.split("\0")) {
			Path from = root.resolve(file);
			if (!file.isEmpty() && Files.isRegularFile(from)) {
				Path to = clone.resolve(file);
				Files.createDirectories(to.getParent());
				Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
		return clone;
	}

	/**
	 * The build's own Maven repository, linked entry by entry, but for this project's
	 * artifacts ({@code io/serverprofiles}), which a fresh clone has not installed.
	 */
	private static Path repositoryWithoutThisProject(Path tail) throws IOException {
		Path repository = Path.of(System.getProperty("maven.repository",
				System.getProperty("user.home") + File.separator + ".m2" + File.separator + "repository"));
		link(repository, tail, "io");
		link(repository.resolve("io"), tail.resolve("io"), "serverprofiles");
		return tail;
	}

	private static void link(Path from, Path to, String except) throws IOException {
		Files.createDirectories(to);
		try (Stream<Path> entries = Files.list(from)) {
			for (Path entry : entries.toList()) {
				String name = entry.getFileName().toString();
				if (!name.equals(except)) {
					Files.createSymbolicLink(to.resolve(name), entry);
				}
			}
		}
	}

	private String hello(int port) throws IOException, InterruptedException {
		return this.client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/hello")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	/** A run of the clone's Maven wrapper, its output in a file of its own. */
	private record Maven(Process process, OutputFile output) {

		static Maven start(Path directory, List<String> maven, String... arguments) throws IOException {
			List<String> command = new ArrayList<>(maven);
			command.addAll(List.of(arguments));
			OutputFile output = OutputFile.create("quick-start");
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.path().toFile())
				.start();
			return new Maven(process, output);
		}

		Matcher await(Pattern pattern) {
			Awaitility.await("output matching " + pattern)
				.atMost(BUILD_BOUND)
				.pollInterval(Duration.ofMillis(500))
				.until(() -> pattern.matcher(this.output.read()).find() || !this.process.isAlive());
			Matcher matcher = pattern.matcher(this.output.read());
			assertThat(matcher.find()).as("%s in:%n%s", pattern, this.output.tail()).isTrue();
			return matcher;
		}

		int awaitExit() throws InterruptedException {
			assertThat(this.process.waitFor(BUILD_BOUND.toSeconds(), TimeUnit.SECONDS)).as(this.output.tail()).isTrue();
			return this.process.exitValue();
		}

		/** spring-boot:run forks the app: end the app's JVM with Maven's. */
		void stop() throws InterruptedException {
			List<ProcessHandle> forked = this.process.descendants().toList();
			forked.forEach(ProcessHandle::destroy);
			this.process.destroy();
			for (ProcessHandle process : forked) {
				process.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join();
				process.destroyForcibly();
			}
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}

	}

}
