package io.serverprofiles.autoconfigure.dev;

import org.springframework.boot.devtools.autoconfigure.DevToolsProperties;
import org.springframework.boot.devtools.autoconfigure.TriggerFileFilter;
import org.springframework.boot.devtools.filewatch.FileSystemWatcher;
import org.springframework.boot.devtools.filewatch.FileSystemWatcherFactory;
import org.springframework.boot.devtools.filewatch.SnapshotStateRepository;
import org.springframework.util.StringUtils;

/**
 * Devtools' watchers, made by devtools' own rules (quiet period, trigger file, additional
 * paths, a snapshot kept across restarts), but told of changes by the file system
 * ({@link FileEventWatcher}) where the JDK has native events, and polling as devtools
 * does where it has not.
 */
final class FileEventWatcherFactory implements FileSystemWatcherFactory {

	private final DevToolsProperties.Restart restart;

	private final boolean eventsAreNative;

	FileEventWatcherFactory(DevToolsProperties.Restart restart, boolean eventsAreNative) {
		this.restart = restart;
		this.eventsAreNative = eventsAreNative;
	}

	@Override
	public FileSystemWatcher getFileSystemWatcher() {
		FileSystemWatcher watcher = this.eventsAreNative
				? new FileEventWatcher(this.restart.getQuietPeriod(), SnapshotStateRepository.STATIC)
				: new FileSystemWatcher(true, this.restart.getPollInterval(), this.restart.getQuietPeriod(),
						SnapshotStateRepository.STATIC);
		String triggerFile = this.restart.getTriggerFile();
		if (StringUtils.hasLength(triggerFile)) {
			watcher.setTriggerFilter(new TriggerFileFilter(triggerFile));
		}
		this.restart.getAdditionalPaths().forEach((path) -> watcher.addSourceDirectory(path.getAbsoluteFile()));
		return watcher;
	}

}
