package io.serverprofiles.autoconfigure.dev;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.devtools.autoconfigure.LocalDevToolsAutoConfiguration;
import org.springframework.boot.devtools.classpath.ClassPathChangedEvent;
import org.springframework.boot.devtools.classpath.ClassPathFileSystemWatcher;
import org.springframework.boot.devtools.classpath.ClassPathRestartStrategy;
import org.springframework.boot.devtools.filewatch.FileSystemWatcher;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Devtools' restart decision in dev mode, driven by devtools' real class path watcher
 * over a directory that a "build" changes the way {@code ./mvnw compile} does.
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
	void aBuildThatDeletesItsClassesBeforeWritingThemRestartsOnceWhenTheyAreBack() throws Exception {
		write("com/example/Hello.class", "com/example/Greeting.class");
		watch((changes) -> {
			delete("com/example/Hello.class", "com/example/Greeting.class");
			assertThat(changes.next().isRestartRequired()).as("classes deleted, build still running").isFalse();
			write("com/example/Hello.class", "com/example/Greeting.class");
			assertThat(changes.next().isRestartRequired()).as("classes written again").isTrue();
		});
	}

	@Test
	void aBuildThatWritesItsClassesBackWithPausesRestartsOnceAllAreBack() throws Exception {
		String[] classes = { "com/example/Hello.class", "com/example/Greeting.class", "com/example/Config.class" };
		write(classes);
		watch((changes) -> {
			delete(classes);
			assertThat(changes.next().isRestartRequired()).isFalse();
			write(classes[0]);
			CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> writeQuietly(classes[1], classes[2]),
					CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS));
			changes.awaitRestart();
			rest.join();
			assertThat(changes.classesAtLastChange()).as("classes there when the restart was decided")
				.containsExactlyInAnyOrder(classes);
			assertThat(changes.nextWithin(Duration.ofMillis(500))).as("a second change").isNull();
		});
	}

	@Test
	void aDeletedClassTheBuildDoesNotWriteAgainIsTakenAsRemoved() throws Exception {
		write("com/example/Hello.class", "com/example/Removed.class");
		watch((changes) -> {
			delete("com/example/Hello.class", "com/example/Removed.class");
			assertThat(changes.next().isRestartRequired()).isFalse();
			write("com/example/Hello.class");
			changes.awaitRestart();
			assertThat(changes.classesAtLastChange()).containsExactly("com/example/Hello.class");
		});
	}

	@Test
	void aChangedClassRestarts() throws Exception {
		write("com/example/Hello.class");
		watch((changes) -> {
			write("com/example/Hello.class");
			assertThat(changes.next().isRestartRequired()).isTrue();
		});
	}

	@Test
	void devtoolsExcludesAndOtherDeletionsStillApply() throws Exception {
		write("static/site.css", "application.properties");
		watch((changes) -> {
			write("static/site.css");
			assertThat(changes.next().isRestartRequired()).as("static resource").isFalse();
			delete("application.properties");
			assertThat(changes.next().isRestartRequired()).as("deleted configuration").isTrue();
		});
	}

	private void watch(WatchedBuild build) throws Exception {
		this.runner.withPropertyValues("server-profiles.mode=dev").run((context) -> {
			BlockingQueue<ClassPathChangedEvent> events = new LinkedBlockingQueue<>();
			List<String> classesAtLastChange = new CopyOnWriteArrayList<>();
			try (GenericApplicationContext publisher = new GenericApplicationContext()) {
				publisher.addApplicationListener((ApplicationListener<ClassPathChangedEvent>) (event) -> {
					classesAtLastChange.clear();
					classesAtLastChange.addAll(classFiles());
					events.add(event);
				});
				publisher.refresh();
				ClassPathFileSystemWatcher watcher = new ClassPathFileSystemWatcher(
						() -> new FileSystemWatcher(true, Duration.ofMillis(20), Duration.ofMillis(10)),
						context.getBean(ClassPathRestartStrategy.class), new URL[] { this.classes.toUri().toURL() });
				watcher.setApplicationContext(publisher);
				watcher.afterPropertiesSet();
				try {
					build.run(new Changes() {

						@Override
						public ClassPathChangedEvent nextWithin(Duration timeout) throws InterruptedException {
							return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
						}

						@Override
						public List<String> classesAtLastChange() {
							return classesAtLastChange;
						}

					});
				}
				finally {
					watcher.destroy();
				}
			}
		});
	}

	private void write(String... names) throws IOException {
		for (String name : names) {
			Path file = this.classes.resolve(name);
			Files.createDirectories(file.getParent());
			// A different length each time: the watcher compares size and time stamp.
			Files.writeString(file, "content " + System.nanoTime() + " ".repeat((int) (System.nanoTime() % 7)));
		}
	}

	private List<String> classFiles() {
		try (Stream<Path> files = Files.walk(this.classes)) {
			return files.filter((file) -> file.toString().endsWith(".class"))
				.map((file) -> this.classes.relativize(file).toString().replace(File.separatorChar, '/'))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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

	@FunctionalInterface
	private interface WatchedBuild {

		void run(Changes changes) throws Exception;

	}

	private interface Changes {

		ClassPathChangedEvent nextWithin(Duration timeout) throws InterruptedException;

		List<String> classesAtLastChange();

		default ClassPathChangedEvent next() throws InterruptedException {
			ClassPathChangedEvent event = nextWithin(Duration.ofSeconds(10));
			assertThat(event).as("a class path change").isNotNull();
			return event;
		}

		/**
		 * Wait for the change that restarts, through any that do not.
		 */
		default void awaitRestart() throws InterruptedException {
			for (int i = 0; i < 10; i++) {
				if (next().isRestartRequired()) {
					return;
				}
			}
			throw new AssertionError("no restart in 10 changes");
		}

	}

}
