package io.serverprofiles.demo;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.serverprofiles.test.PackagedJar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo built with devtools inside (as Gradle's {@code bootJar} keeps a devtools that
 * arrives through the starter), started in every packaged layout and every development
 * layout, the way each is started for real: packaged means prod with devtools' restarter
 * off, a build's output means dev.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedLayoutsIT {

	private static final Pattern HOT_SWAP = Pattern.compile("Hot swap is (ready|unavailable)");

	private static final String MAIN_CLASS = "io.serverprofiles.demo.DemoApplication";

	private static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

	private final HttpClient client = HttpClient.newHttpClient();

	private Path work;

	private Path jar;

	private Path extracted;

	private Path extractedWithLauncher;

	private Path libraries;

	@BeforeAll
	void extract(@TempDir Path work) throws Exception {
		this.work = work;
		this.jar = Path.of(System.getProperty("demo.jar.with-devtools", "target/demo-app-with-devtools.jar"));
		this.extracted = extract("extracted");
		this.extractedWithLauncher = extract("extracted-with-launcher", "--launcher");
		this.libraries = this.extractedWithLauncher.resolve("BOOT-INF/lib");
		assertThat(libraryNames(this.extracted.resolve("lib"))).as("devtools inside, as Gradle's bootJar leaves it")
			.anyMatch((name) -> name.startsWith("spring-boot-devtools"));
	}

	@Test
	void theExecutableJarRunsProdWithDevtoolsOff() throws Exception {
		assertProd(List.of("-jar", this.jar.toString()), "launched from a packaged jar");
	}

	@Test
	void theExtractedLayoutRunsProdWithDevtoolsOff() throws Exception {
		// Spring Boot's own Dockerfile recipe, and the layout the JDK's AOT cache needs.
		assertProd(List.of("-jar", this.extracted.resolve(this.jar.getFileName()).toString()),
				"launched from a packaged jar");
	}

	@Test
	void theExtractedLayoutWithTheLauncherRunsProdWithDevtoolsOff() throws Exception {
		assertProd(List.of("-cp", this.extractedWithLauncher.toString(), LAUNCHER), "launched from an extracted jar");
	}

	@Test
	void aJibStyleFlatClasspathRunsProdWithDevtoolsOff() throws Exception {
		Path app = this.work.resolve("app");
		Path classes = this.extractedWithLauncher.resolve("BOOT-INF/classes");
		copy(classes, app.resolve("resources"), false);
		copy(classes, app.resolve("classes"), true);
		FileSystemUtils.copyRecursively(this.libraries, app.resolve("libs"));
		String classpath = String.join(File.pathSeparator, app.resolve("resources").toString(),
				app.resolve("classes").toString(), app.resolve("libs") + File.separator + "*");
		assertProd(List.of("-cp", classpath, MAIN_CLASS), "app/classes are not a build's output");
	}

	@Test
	void theChecksWarnThatDevtoolsIsShippedButStartupGoesOn() throws Exception {
		try (PackagedJar app = PackagedJar.launch(List.of("-jar", this.jar.toString()),
				"--server-profiles.checks.only")) {
			assertThat(app.awaitExit()).isZero();
			assertThat(app.output()).containsPattern(
					"WARNING +SP-101 +spring-boot-devtools is on the runtime classpath \\(inert: restart and its property "
							+ "defaults are off\\)");
		}
	}

	@Test
	void anIdeRunFromTargetClassesIsDev() throws Exception {
		String classpath = String.join(File.pathSeparator, demoClasses().toString(),
				this.libraries + File.separator + "*");
		assertDev(List.of("-cp", classpath, MAIN_CLASS), "target/classes");
	}

	@Test
	void springBootRunWithAlsoMakeIsDev() throws Exception {
		// -am puts the starter's own build output on the classpath instead of its jar.
		Path libraries = this.work.resolve("libs-without-starter");
		FileSystemUtils.copyRecursively(this.libraries, libraries);
		try (Stream<Path> jars = Files.list(libraries)) {
			for (Path starter : jars
				.filter((path) -> path.getFileName().toString().startsWith("server-profiles-spring-boot-autoconfigure"))
				.toList()) {
				Files.delete(starter);
			}
		}
		// Maven passes the module's build output as an absolute, normalized path.
		Path starterClasses = Path.of(System.getProperty("starter.classes", "../autoconfigure/target/classes"))
			.toAbsolutePath()
			.normalize();
		String classpath = String.join(File.pathSeparator, demoClasses().toString(), starterClasses.toString(),
				libraries + File.separator + "*");
		List<String> launch = List.of("-cp", classpath, MAIN_CLASS,
				"--logging.level.org.springframework.boot.devtools.restart.ChangeableUrls=DEBUG");
		String output = assertDev(launch, "target/classes");
		// A restart reloads the app's classes only: the starter's stay loaded, as its
		// jar's do.
		assertThat(output).containsPattern("Matching URLs for reloading : \\[[^,\\]]*/target/classes/\\]");
	}

	@Test
	void gradlesBootRunLayoutIsDev() throws Exception {
		Path project = this.work.resolve("gradle-project");
		copy(demoClasses(), project.resolve("build/classes/java/main"), true);
		copy(demoClasses(), project.resolve("build/resources/main"), false);
		String classpath = String.join(File.pathSeparator, project.resolve("build/classes/java/main").toString(),
				project.resolve("build/resources/main").toString(), this.libraries + File.separator + "*");
		assertDev(List.of("-cp", classpath, MAIN_CLASS), "build/classes/java/main");
	}

	private void assertProd(List<String> launch, String reason) throws Exception {
		try (PackagedJar app = PackagedJar.launch(launch, "--server.port=0")) {
			int port = app.awaitPort();
			assertThat(app.output()).contains("server-profiles: PROD (no dev signal: ")
				.contains(reason)
				.doesNotContain("restartedMain")
				.doesNotContain("Devtools property defaults active");
			assertThat(get(port, "/actuator/env").statusCode()).isEqualTo(404);
			assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
		}
	}

	private String assertDev(List<String> launch, String buildOutput) throws Exception {
		try (PackagedJar app = PackagedJar.launch(launch, "--server.port=0")) {
			int port = app.awaitPort();
			assertThat(app.output()).contains("server-profiles: DEV (started from the build's output ")
				.contains(buildOutput + ": spring-boot:run, bootRun or an IDE)")
				// devtools' restarter runs the app: class changes reload it.
				.contains("[  restartedMain]");
			assertThat(get(port, "/actuator/env").statusCode()).isEqualTo(200);
			// And an edited handler goes in without one, whichever copy of the starter's
			// classes the restarter loaded (its jar, or its build output under -am).
			assertThat(app.awaitOutput(HOT_SWAP)).contains("Hot swap is ready")
				.doesNotContain("Hot swap is unavailable");
			// The report, logged once the app is ready, says so too.
			assertThat(app.awaitOutput(Pattern.compile("  reload      .*")))
				.contains("reload      restart on class changes");
			return app.output();
		}
	}

	private Path extract(String name, String... options) throws Exception {
		Path destination = this.work.resolve(name);
		List<String> command = new ArrayList<>(List.of("-Djarmode=tools", "-jar", this.jar.toString(), "extract",
				"--destination", destination.toString()));
		command.addAll(List.of(options));
		try (PackagedJar extract = PackagedJar.launch(command)) {
			assertThat(extract.awaitExit()).as(extract.output()).isZero();
		}
		return destination;
	}

	/**
	 * Copy class files only, or everything but class files (Jib's and Gradle's split).
	 */
	private static void copy(Path from, Path to, boolean classFiles) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.filter(Files::isRegularFile)
				.filter((path) -> path.toString().endsWith(".class") == classFiles)
				.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				Files.createDirectories(target.getParent());
				Files.copy(file, target);
			}
		}
	}

	private static List<String> libraryNames(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((path) -> path.getFileName().toString()).toList();
		}
	}

	private static Path demoClasses() {
		return Path.of(System.getProperty("demo.classes", "target/classes")).toAbsolutePath();
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
