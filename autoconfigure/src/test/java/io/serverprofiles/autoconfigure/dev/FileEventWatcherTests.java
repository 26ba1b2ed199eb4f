package io.serverprofiles.autoconfigure.dev;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.devtools.autoconfigure.DevToolsProperties;
import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.boot.devtools.filewatch.ChangedFiles;
import org.springframework.boot.devtools.filewatch.SnapshotStateRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event-driven watcher reports what devtools' polling watcher would: added, modified
 * and deleted files, in new packages too, one change per burst, trigger-file semantics,
 * and changes made while no watcher ran.
 */
class FileEventWatcherTests {

	@TempDir
	Path classes;

	private final BlockingQueue<Set<ChangedFiles>> reported = new LinkedBlockingQueue<>();

	private final SnapshotStateRepository repository = new SnapshotStateRepository() {

		private Object state;

		@Override
		public void save(Object state) {
			this.state = state;
		}

		@Override
		public Object restore() {
			return this.state;
		}

	};

	private FileEventWatcher watcher;

	@AfterEach
	void stop() {
		if (this.watcher != null) {
			this.watcher.stop();
		}
	}

	@Test
	void thisMachineHasNativeFileEvents() {
		// Linux (inotify), as on every machine these tests run on; macOS would fall back
		// to devtools' poll.
		assertThat(FileEventWatcher.eventsAreNative()).isTrue();
	}

	@Test
	void theFactoryWatchesByEventsWhereTheyAreNativeAndPollsElsewhere() {
		DevToolsProperties.Restart restart = new DevToolsProperties().getRestart();
		assertThat(new FileEventWatcherFactory(restart, true).getFileSystemWatcher())
			.isInstanceOf(FileEventWatcher.class);
		assertThat(new FileEventWatcherFactory(restart, false).getFileSystemWatcher())
			.isNotInstanceOf(FileEventWatcher.class);
	}

	@Test
	void reportsAddedModifiedAndDeletedFilesAsDevtoolsDoes() throws Exception {
		write("com/example/Hello.class", "v1");
		start();
		write("com/example/Greeting.class", "new");
		assertThat(next()).containsExactly("ADD com/example/Greeting.class");
		write("com/example/Hello.class", "version 2");
		assertThat(next()).containsExactly("MODIFY com/example/Hello.class");
		Files.delete(this.classes.resolve("com/example/Hello.class"));
		assertThat(next()).containsExactly("DELETE com/example/Hello.class");
	}

	@Test
	void filesInAPackageCreatedAfterStartAreReported() throws Exception {
		start();
		write("com/example/fresh/deep/One.class", "1");
		write("com/example/fresh/Two.class", "2");
		assertThat(next()).containsExactlyInAnyOrder("ADD com/example/fresh/deep/One.class",
				"ADD com/example/fresh/Two.class");
	}

	@Test
	void aBurstOfWritesIsOneChange() throws Exception {
		write("com/example/A.class", "a");
		write("com/example/B.class", "b");
		// A settle time no busy test machine can stretch a four-file burst beyond.
		start(new FileEventWatcher(Duration.ofMillis(500), this.repository));
		// A build: delete everything, then write it again.
		Files.delete(this.classes.resolve("com/example/A.class"));
		Files.delete(this.classes.resolve("com/example/B.class"));
		write("com/example/A.class", "a2");
		write("com/example/B.class", "b2");
		assertThat(next()).containsExactlyInAnyOrder("MODIFY com/example/A.class", "MODIFY com/example/B.class");
		assertThat(this.reported.poll(1, TimeUnit.SECONDS)).as("nothing more").isNull();
	}

	@Test
	void withATriggerFileChangesWaitForIt() throws Exception {
		this.watcher = new FileEventWatcher(Duration.ofMillis(50), this.repository);
		this.watcher.setTriggerFilter((file) -> file.getName().equals(".reloadtrigger"));
		start(this.watcher);
		write("com/example/Hello.class", "v1");
		assertThat(this.reported.poll(400, TimeUnit.MILLISECONDS)).as("no trigger yet").isNull();
		write(".reloadtrigger", "now");
		assertThat(next()).containsExactlyInAnyOrder("ADD com/example/Hello.class", "ADD .reloadtrigger");
	}

	@Test
	void changesMadeWhileNoWatcherRanAreReportedByTheNext() throws Exception {
		write("com/example/Hello.class", "v1");
		start();
		this.watcher.stop();
		// A restart: the old app's watcher stopped, the new one not started yet.
		write("com/example/Hello.class", "version 2");
		this.watcher = null;
		start();
		assertThat(next()).containsExactly("MODIFY com/example/Hello.class");
	}

	private void start() {
		start(new FileEventWatcher(Duration.ofMillis(50), this.repository));
	}

	private void start(FileEventWatcher watcher) {
		this.watcher = watcher;
		watcher.addSourceDirectory(this.classes.toFile());
		watcher.addListener(this.reported::add);
		watcher.start();
	}

	private List<String> next() throws InterruptedException {
		Set<ChangedFiles> change = this.reported.poll(10, TimeUnit.SECONDS);
		assertThat(change).as("a reported change").isNotNull();
		return change.stream()
			.flatMap((files) -> files.getFiles().stream())
			.map(FileEventWatcherTests::describe)
			.collect(Collectors.toList());
	}

	private static String describe(ChangedFile file) {
		return file.getType() + " " + file.getRelativeName().replace(File.separatorChar, '/');
	}

	private void write(String name, String content) throws Exception {
		Path file = this.classes.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
