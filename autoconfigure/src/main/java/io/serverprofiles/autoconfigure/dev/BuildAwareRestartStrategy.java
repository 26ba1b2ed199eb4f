package io.serverprofiles.autoconfigure.dev;

import java.io.File;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.devtools.classpath.ClassPathRestartStrategy;
import org.springframework.boot.devtools.filewatch.ChangedFile;

/**
 * Devtools' restart decision, made to wait out a build that deletes its class files and
 * then writes them again one by one ({@code ./mvnw compile} of a changed module, an IDE
 * rebuild). Deleting classes alone does not restart: the app keeps serving the old code
 * rather than restarting without its classes. When classes are written again, the restart
 * waits until the deleted ones are back (or the build has written nothing for a while),
 * so the build restarts the app once, with all its classes. Every other file goes to
 * devtools' own strategy, with its exclude patterns.
 */
final class BuildAwareRestartStrategy implements ClassPathRestartStrategy {

	/**
	 * Deletions older than this are not part of the build that is writing classes now.
	 */
	static final Duration BUILD_WINDOW = Duration.ofSeconds(10);

	/**
	 * How long the build may write nothing before the restart stops waiting for it.
	 */
	static final Duration STALL = Duration.ofSeconds(3);

	private static final long POLL_MILLIS = 20;

	private final ClassPathRestartStrategy delegate;

	/**
	 * Class files deleted and not written again yet, with when they were seen deleted.
	 */
	private final Map<File, Long> deleted = new HashMap<>();

	BuildAwareRestartStrategy(ClassPathRestartStrategy delegate) {
		this.delegate = delegate;
	}

	@Override
	public synchronized boolean isRestartRequired(ChangedFile file) {
		if (!file.getRelativeName().endsWith(".class")) {
			return this.delegate.isRestartRequired(file);
		}
		if (file.getType() == ChangedFile.Type.DELETE) {
			this.deleted.put(file.getFile(), System.nanoTime());
			return false;
		}
		this.deleted.remove(file.getFile());
		awaitDeletedClasses();
		this.deleted.clear();
		return true;
	}

	private void awaitDeletedClasses() {
		long now = System.nanoTime();
		this.deleted.values().removeIf((deletedAt) -> now - deletedAt > BUILD_WINDOW.toNanos());
		long lastArrival = now;
		while (!this.deleted.isEmpty() && System.nanoTime() - lastArrival < STALL.toNanos()) {
			if (this.deleted.keySet().removeIf(File::exists)) {
				lastArrival = System.nanoTime();
			}
			else if (!pause()) {
				return;
			}
		}
	}

	private static boolean pause() {
		try {
			Thread.sleep(POLL_MILLIS);
			return true;
		}
		catch (InterruptedException ex) {
			// The watcher is stopping: restart with what is there.
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
