package io.serverprofiles.autoconfigure.mode;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import io.serverprofiles.autoconfigure.support.OutsideTheTestRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A development run is told apart from every packaged form by where the main class was
 * loaded from, on real directories and files.
 */
class ApplicationLaunchTests {

	@TempDir
	Path project;

	@ParameterizedTest
	@ValueSource(strings = { "target/classes", "target/test-classes", "build/classes/java/main",
			"build/classes/kotlin/main", "build/classes/java/test", "out/production/app", "bin/main" })
	void aBuildToolsOrIdesOutputDirectoryIsADevelopmentRun(String output) throws IOException {
		ApplicationLaunch launch = ApplicationLaunch.of(Files.createDirectories(this.project.resolve(output)));
		assertThat(launch.isDevelopmentRun()).isTrue();
		assertThat(launch.getDescription()).startsWith("started from the build's output ")
			.contains(output)
			.endsWith(": spring-boot:run, bootRun or an IDE");
	}

	@Test
	void aJarIsPackaged() throws IOException {
		ApplicationLaunch launch = ApplicationLaunch.of(Files.createFile(this.project.resolve("app.jar")));
		assertThat(launch.isDevelopmentRun()).isFalse();
		assertThat(launch.getDescription()).isEqualTo("launched from a packaged jar");
	}

	@Test
	void theExecutableJarsNestedUrlIsPackaged() throws IOException {
		// The form Boot's launcher gives the classes inside the executable jar.
		URL nested = new URL(null, "nested:/app/app.jar/!BOOT-INF/classes/", new NoConnections());
		assertThat(ApplicationLaunch.of(nested).isDevelopmentRun()).isFalse();
		assertThat(ApplicationLaunch.of(nested).getDescription()).isEqualTo("launched from a packaged jar");
	}

	@Test
	void theExtractedLayoutWithTheLauncherIsPackaged() throws IOException {
		ApplicationLaunch launch = ApplicationLaunch
			.of(Files.createDirectories(this.project.resolve("extracted/BOOT-INF/classes")));
		assertThat(launch.isDevelopmentRun()).isFalse();
		assertThat(launch.getDescription()).isEqualTo("launched from an extracted jar");
	}

	@ParameterizedTest
	@ValueSource(strings = { "app/classes", "classes", "target/classes/extra", "build/classes" })
	void anyOtherDirectoryIsAPackagedLayout(String directory) throws IOException {
		Path classes = Files.createDirectories(this.project.resolve(directory));
		ApplicationLaunch launch = ApplicationLaunch.of(classes);
		assertThat(launch.isDevelopmentRun()).isFalse();
		assertThat(launch.getDescription()).contains(classes.toString()).contains("not a build's output");
	}

	@Test
	void withoutAMainClassItIsNotADevelopmentRun() {
		assertThat(ApplicationLaunch.of((Class<?>) null).isDevelopmentRun()).isFalse();
	}

	@Test
	void thisTestRunsFromTheBuildsOutput() {
		// Surefire loads this class from target/test-classes, as an IDE would.
		assertThat(ApplicationLaunch.of(ApplicationLaunchTests.class).isDevelopmentRun()).isTrue();
	}

	@Test
	void underATestRunnerItIsNeverADevelopmentRun() {
		// @SpringBootTest makes the test class the main class: tests get the prod server.
		ApplicationLaunch launch = ApplicationLaunch.current(ApplicationLaunchTests.class);
		assertThat(launch.isDevelopmentRun()).isFalse();
		assertThat(launch.getDescription()).isEqualTo("started by a test runner");
	}

	@Test
	void outsideATestRunnerTheBuildsOutputIsADevelopmentRun() throws Exception {
		ApplicationLaunch launch = OutsideTheTestRunner
			.call(() -> ApplicationLaunch.current(ApplicationLaunchTests.class));
		assertThat(launch.isDevelopmentRun()).isTrue();
		assertThat(launch.getDescription()).isNotEqualTo("started by a test runner");
	}

	private static final class NoConnections extends java.net.URLStreamHandler {

		@Override
		protected java.net.URLConnection openConnection(URL url) {
			throw new UnsupportedOperationException();
		}

	}

}
