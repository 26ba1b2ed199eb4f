package io.serverprofiles.autoconfigure.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.devtools.autoconfigure.LocalDevToolsAutoConfiguration;
import org.springframework.boot.devtools.classpath.ClassPathRestartStrategy;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Devtools' restart decision in dev mode, and the restarts it makes: a dev app run by
 * devtools' real restarter and class path watcher over a directory that a "build" changes
 * the way {@code ./mvnw compile} does, counting the times the app starts again.
 */
class DevServerRestartTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServerModeAutoConfiguration.class, DevServerAutoConfiguration.class));

	@TempDir
	Path classes;

	@Test
	void whenModeIsDevThenRestartsWaitOutBuilds() {
		this.runner.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertThat(context).getBean(ClassPathRestartStrategy.class)
				.isInstanceOf(BuildAwareRestartStrategy.class));
	}

	@Test
	void whenModeIsProdOrRestartIsOffThenDevtoolsDecidesAlone() {
		this.runner.withPropertyValues("server-profiles.mode=prod")
			.run((context) -> assertThat(context).doesNotHaveBean(ClassPathRestartStrategy.class));
		this.runner.withPropertyValues("server-profiles.mode=dev", "spring.devtools.restart.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ClassPathRestartStrategy.class));
	}

	@Test
	void whenModeIsDevThenHotSwapIsOnUnlessItsPropertySaysOtherwise() {
		this.runner.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertThat(context).hasSingleBean(HotSwap.class));
		this.runner.withPropertyValues("server-profiles.mode=dev", "server-profiles.dev.hot-swap=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HotSwap.class)
				.getBean(ClassPathRestartStrategy.class)
				.isInstanceOf(BuildAwareRestartStrategy.class));
	}

	@Test
	void whenDevtoolsIsAbsentThenTheDevServerStillStarts() {
		this.runner.withClassLoader(new FilteredClassLoader(LocalDevToolsAutoConfiguration.class))
			.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DevServerProperties.class)
				.doesNotHaveBean("classPathRestartStrategy"));
	}

	@Test
	void aBuildThatDeletesItsClassesBeforeWritingThemRestartsTheAppOnceTheyAreBack() throws Exception {
		write("com/example/Hello.class", "com/example/Greeting.class");
		try (RestartingDevApp app = RestartingDevApp.start(this.classes)) {
			delete("com/example/Hello.class", "com/example/Greeting.class");
			assertThat(app.nextChange().isRestartRequired()).as("classes deleted, build still running").isFalse();
			write("com/example/Hello.class", "com/example/Greeting.class");
			assertThat(app.restartsOnceSettled()).isOne();
		}
	}

	@Test
	void aBuildThatWritesItsClassesBackWithPausesRestartsTheAppOnce() throws Exception {
		String[] classes = { "com/example/Hello.class", "com/example/Greeting.class", "com/example/Config.class" };
		write(classes);
		try (RestartingDevApp app = RestartingDevApp.start(this.classes)) {
			delete(classes);
			assertThat(app.nextChange().isRestartRequired()).isFalse();
			write(classes[0]);
			// The watcher reports the first class while the build still writes the rest.
			CompletableFuture
				.runAsync(() -> writeQuietly(classes[1], classes[2]),
						CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS))
				.join();
			assertThat(app.restartsOnceSettled()).isOne();
		}
	}

	@Test
	void aDeletedClassTheBuildDoesNotWriteAgainIsTakenAsRemovedWithOneRestart() throws Exception {
		write("com/example/Hello.class", "com/example/Removed.class");
		try (RestartingDevApp app = RestartingDevApp.start(this.classes)) {
			delete("com/example/Hello.class", "com/example/Removed.class");
			assertThat(app.nextChange().isRestartRequired()).isFalse();
			write("com/example/Hello.class");
			assertThat(app.restartsOnceSettled()).isOne();
		}
	}

	@Test
	void aChangedClassRestartsTheAppOnce() throws Exception {
		write("com/example/Hello.class");
		try (RestartingDevApp app = RestartingDevApp.start(this.classes)) {
			write("com/example/Hello.class");
			assertThat(app.restartsOnceSettled()).isOne();
		}
	}

	@Test
	void devtoolsExcludesAndOtherDeletionsStillApply() throws Exception {
		write("static/site.css", "application.properties");
		try (RestartingDevApp app = RestartingDevApp.start(this.classes)) {
			write("static/site.css");
			assertThat(app.restartsOnceSettled()).as("static resource").isZero();
			delete("application.properties");
			assertThat(app.restartsOnceSettled()).as("deleted configuration").isOne();
		}
	}

	private void write(String... names) throws IOException {
		for (String name : names) {
			Path file = this.classes.resolve(name);
			Files.createDirectories(file.getParent());
			// A different length each time: the watcher compares size and time stamp.
			Files.writeString(file, "content " + System.nanoTime() + " ".repeat((int) (System.nanoTime() % 7)));
		}
	}

	private void writeQuietly(String... names) {
		try {
			write(names);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void delete(String... names) throws IOException {
		for (String name : names) {
			Files.delete(this.classes.resolve(name));
		}
	}

}
