package io.serverprofiles.autoconfigure.dev;

import java.io.File;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.devtools.classpath.ClassPathRestartStrategy;
import org.springframework.boot.devtools.filewatch.ChangedFile;

/**
 * Devtools' restart decision, made to wait out a build that deletes its class files and
 * then writes them again one by one ({@code ./mvnw compile} of a changed module, an IDE
 * rebuild). Deleting classes does not restart: the app keeps serving the old code rather
 * than restarting without its classes. Classes written again restart it once the last of
 * the deleted ones is back, so the build restarts the app once, with all its classes. A
 * deleted class the build does not write again within {@link #STALL} is taken as removed.
 * A class modified or rebuilt needs no restart when the running app has its code already
 * (the same bytes), can have it in place (a swap), or will load it when first used; so a
 * build that rewrites every class for one edited handler swaps that handler. Every other
 * file goes to devtools' own strategy, with its exclude patterns.
 */
final class BuildAwareRestartStrategy implements ClassPathRestartStrategy {

	/**
	 * Deletions older than this are not part of the build that is writing classes now.
	 */
	static final Duration BUILD_WINDOW = Duration.ofSeconds(10);

	/**
	 * How long the build may write none of the deleted classes before those still missing
	 * are taken as removed.
	 */
	static final Duration STALL = Duration.ofSeconds(3);

	private static final long POLL_MILLIS = 20;

	private static final Log logger = LogFactory.getLog(BuildAwareRestartStrategy.class);

	private final ClassPathRestartStrategy delegate;

	private final Predicate<ChangedFile> appliedInPlace;

	/**
	 * Class files deleted and not reported written again yet, with when they were seen
	 * deleted.
	 */
	private final Map<File, Long> deleted = new HashMap<>();

	/**
	 * Whether a class of the build being written asked for a restart that waits for the
	 * rest of its classes.
	 */
	private boolean restartOwed;

	BuildAwareRestartStrategy(ClassPathRestartStrategy delegate) {
		this(delegate, (file) -> false);
	}

	/**
	 * A restart decision that first offers each modified class to be applied in place.
	 * @param delegate devtools' strategy, for every file that is not a class
	 * @param appliedInPlace whether a modified class file is in the running app now
	 */
	BuildAwareRestartStrategy(ClassPathRestartStrategy delegate, Predicate<ChangedFile> appliedInPlace) {
		this.delegate = delegate;
		this.appliedInPlace = appliedInPlace;
	}

	@Override
	public synchronized boolean isRestartRequired(ChangedFile file) {
		if (!file.getRelativeName().endsWith(".class")) {
			return restartIf(this.delegate.isRestartRequired(file));
		}
		if (file.getType() == ChangedFile.Type.DELETE) {
			this.deleted.put(file.getFile(), System.nanoTime());
			logger.debug("Class deleted, no restart until classes are written again: " + file.getRelativeName());
			return false;
		}
		// A class the build deleted and wrote again is a modification too: Maven's
		// compiler rewrites every class of the module for a one-line edit.
		boolean rebuilt = this.deleted.remove(file.getFile()) != null;
		if (!this.restartOwed && (file.getType() == ChangedFile.Type.MODIFY || rebuilt)
				&& this.appliedInPlace.test(file)) {
			return false;
		}
		// From here on this build restarts the app, once its deleted classes are back:
		// the class that asks for it may come before others the build rewrote unchanged.
		this.restartOwed = true;
		long now = System.nanoTime();
		this.deleted.values().removeIf((deletedAt) -> now - deletedAt > BUILD_WINDOW.toNanos());
		if (!this.deleted.isEmpty()) {
			// Those written by now come in this change or the next one; the restart waits
			// for them there.
			awaitDeletedClasses();
		}
		return restartIf(this.deleted.isEmpty());
	}

	private boolean restartIf(boolean restart) {
		if (restart) {
			this.deleted.clear();
			this.restartOwed = false;
		}
		return restart;
	}

	private void awaitDeletedClasses() {
		long missing = countMissing();
		if (missing > 0) {
			logger.debug("Waiting for " + missing + " deleted classes to be written again");
		}
		long lastArrival = System.nanoTime();
		while (missing > 0) {
			if (System.nanoTime() - lastArrival > STALL.toNanos() || !pause()) {
				this.deleted.keySet().removeIf((deletedFile) -> !deletedFile.exists());
				return;
			}
			long stillMissing = countMissing();
			if (stillMissing < missing) {
				lastArrival = System.nanoTime();
			}
			missing = stillMissing;
		}
	}

	private long countMissing() {
		return this.deleted.keySet().stream().filter((deletedFile) -> !deletedFile.exists()).count();
	}

	private static boolean pause() {
		try {
			Thread.sleep(POLL_MILLIS);
			return true;
		}
		catch (InterruptedException ex) {
			// The watcher is stopping.
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
