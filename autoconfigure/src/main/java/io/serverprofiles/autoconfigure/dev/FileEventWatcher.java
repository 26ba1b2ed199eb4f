package io.serverprofiles.autoconfigure.dev;

import java.io.File;
import java.io.FileFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.boot.devtools.filewatch.ChangedFiles;
import org.springframework.boot.devtools.filewatch.FileChangeListener;
import org.springframework.boot.devtools.filewatch.FileSystemWatcher;
import org.springframework.boot.devtools.filewatch.SnapshotStateRepository;

/**
 * Devtools' file watcher driven by the file system's own events (the JDK's
 * {@link WatchService}: inotify on Linux, ReadDirectoryChangesW on Windows) instead of a
 * scan every poll interval. Once events stop arriving for the settle time, the files they
 * name are compared with the last snapshot and listeners get the same
 * {@link ChangedFiles} devtools' polling watcher would report. The snapshot outlives a
 * restart, so a change made while the app restarts is reported by the next run.
 */
final class FileEventWatcher extends FileSystemWatcher {

	private static final Log logger = LogFactory.getLog(FileEventWatcher.class);

	private final Duration settle;

	private final SnapshotStateRepository snapshots;

	private final Set<File> directories = new LinkedHashSet<>();

	private final List<FileChangeListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Paths events named that are not reported yet: with a trigger file, changes wait for
	 * it.
	 */
	private final Set<Path> pending = new HashSet<>();

	private @Nullable FileFilter triggerFilter;

	/**
	 * Last seen length and modification time of each file, per watched directory.
	 */
	private Map<File, Map<File, List<Long>>> state = new HashMap<>();

	private @Nullable WatchService service;

	private @Nullable Thread thread;

	FileEventWatcher(Duration settle, SnapshotStateRepository snapshots) {
		this.settle = settle;
		this.snapshots = snapshots;
	}

	/**
	 * Whether this JDK gets events from the operating system. Where its watch service
	 * only scans (macOS's, every two seconds or more), devtools' own poll is quicker.
	 * @return whether events are native
	 */
	static boolean eventsAreNative() {
		try (WatchService probe = FileSystems.getDefault().newWatchService()) {
			return !probe.getClass().getName().contains("Polling");
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
	}

	@Override
	public synchronized void addSourceDirectory(File directory) {
		this.directories.add(directory.getAbsoluteFile());
	}

	@Override
	public void addSourceDirectories(Iterable<File> directories) {
		directories.forEach(this::addSourceDirectory);
	}

	@Override
	public void addListener(FileChangeListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public synchronized void setTriggerFilter(@Nullable FileFilter triggerFilter) {
		this.triggerFilter = triggerFilter;
	}

	@Override
	@SuppressWarnings("unchecked")
	public synchronized void start() {
		if (this.thread != null) {
			return;
		}
		try {
			WatchService watchService = FileSystems.getDefault().newWatchService();
			Object restored = this.snapshots.restore();
			Map<File, Map<File, List<Long>>> previous = (restored instanceof Map<?, ?> map)
					? (Map<File, Map<File, List<Long>>>) map : Map.of();
			for (File directory : this.directories) {
				watchTree(watchService, directory.toPath());
				Map<File, List<Long>> files = previous.get(directory);
				this.state.put(directory, (files != null) ? new HashMap<>(files) : scan(directory.toPath()));
				if (files != null) {
					// Whatever changed while no watcher ran (a restart) is reported now.
					this.pending.add(directory.toPath());
				}
			}
			this.service = watchService;
			Thread watcher = new Thread(() -> watch(watchService), "File Watcher");
			watcher.setDaemon(true);
			this.thread = watcher;
			watcher.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot watch " + this.directories, ex);
		}
	}

	@Override
	public void stop() {
		Thread watcher;
		synchronized (this) {
			watcher = this.thread;
			if (watcher == null) {
				return;
			}
			this.thread = null;
			closeQuietly(this.service);
			this.service = null;
			this.snapshots.save(this.state);
		}
		if (watcher != Thread.currentThread()) {
			try {
				watcher.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void watch(WatchService watchService) {
		try {
			if (!this.pending.isEmpty()) {
				report(watchService);
			}
			while (true) {
				collect(watchService, watchService.take());
				// Events of one build arrive together: wait until they stop for the
				// settle
				// time, then report them as one change.
				WatchKey next;
				while ((next = watchService.poll(this.settle.toMillis(), TimeUnit.MILLISECONDS)) != null) {
					collect(watchService, next);
				}
				report(watchService);
			}
		}
		catch (ClosedWatchServiceException | InterruptedException ex) {
			// Stopped.
		}
	}

	private void collect(WatchService watchService, WatchKey key) {
		Path directory = (Path) key.watchable();
		for (WatchEvent<?> event : key.pollEvents()) {
			if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
				this.directories.forEach((watched) -> this.pending.add(watched.toPath()));
				continue;
			}
			Path path = directory.resolve((Path) event.context());
			this.pending.add(path);
			if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
				// A new package: watch it, and take what was written before it was.
				watchTree(watchService, path);
				this.pending.add(path);
			}
		}
		key.reset();
	}

	private synchronized void report(WatchService watchService) {
		if (this.service != watchService) {
			return;
		}
		Set<ChangedFiles> changes = new LinkedHashSet<>();
		Map<File, Map<File, List<Long>>> next = new HashMap<>();
		FileFilter trigger = this.triggerFilter;
		boolean triggered = trigger == null;
		for (File directory : this.directories) {
			Map<File, List<Long>> files = new HashMap<>(this.state.getOrDefault(directory, Map.of()));
			Set<ChangedFile> changed = new LinkedHashSet<>();
			for (Path path : this.pending) {
				if (path.startsWith(directory.toPath())) {
					compare(directory, path, files, changed);
				}
			}
			next.put(directory, files);
			if (!changed.isEmpty()) {
				changes.add(new ChangedFiles(directory, changed));
				triggered = triggered
						|| (trigger != null && changed.stream().anyMatch((file) -> trigger.accept(file.getFile())));
			}
		}
		if (changes.isEmpty() || !triggered) {
			// Nothing changed, or a trigger file is set and was not touched: keep the
			// paths for when it is.
			return;
		}
		this.pending.clear();
		this.state = next;
		this.snapshots.save(this.state);
		for (FileChangeListener listener : this.listeners) {
			try {
				listener.onChange(changes);
			}
			catch (RuntimeException ex) {
				logger.warn("A file change listener failed", ex);
			}
		}
	}

	/**
	 * Compare what is under a path now with the snapshot, and bring the snapshot up to
	 * date.
	 */
	private static void compare(File directory, Path path, Map<File, List<Long>> files, Set<ChangedFile> changed) {
		Map<File, List<Long>> now = scan(path);
		String prefix = path.toFile() + File.separator;
		List<File> before = new ArrayList<>();
		for (File file : files.keySet()) {
			if (file.equals(path.toFile()) || file.getPath().startsWith(prefix)) {
				before.add(file);
			}
		}
		for (File file : before) {
			if (!now.containsKey(file)) {
				files.remove(file);
				changed.add(new ChangedFile(directory, file, ChangedFile.Type.DELETE));
			}
		}
		now.forEach((file, attributes) -> {
			List<Long> previous = files.put(file, attributes);
			if (previous == null) {
				changed.add(new ChangedFile(directory, file, ChangedFile.Type.ADD));
			}
			else if (!previous.equals(attributes)) {
				changed.add(new ChangedFile(directory, file, ChangedFile.Type.MODIFY));
			}
		});
	}

	/**
	 * Length and modification time of each file at or under a path, as devtools' snapshot
	 * compares them.
	 */
	private static Map<File, List<Long>> scan(Path path) {
		Map<File, List<Long>> files = new LinkedHashMap<>();
		if (!Files.exists(path)) {
			return files;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			walk.forEach((file) -> {
				try {
					BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
					if (attributes.isRegularFile()) {
						files.put(file.toFile(), List.of(attributes.size(), attributes.lastModifiedTime().toMillis()));
					}
				}
				catch (IOException ex) {
					// Deleted while walking: it is not there now.
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// A directory deleted while walking: its files go as deleted.
		}
		return files;
	}

	private static void watchTree(WatchService watchService, Path root) {
		if (!Files.isDirectory(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			walk.filter(Files::isDirectory).forEach((directory) -> {
				try {
					directory.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
							StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
				}
				catch (IOException ex) {
					logger.debug("Cannot watch " + directory + ": " + ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			logger.debug("Cannot watch " + root + ": " + ex);
		}
	}

	private static void closeQuietly(@Nullable WatchService watchService) {
		if (watchService != null) {
			try {
				watchService.close();
			}
			catch (IOException ex) {
				// Closing is all that is left to do with it.
			}
		}
	}

}
