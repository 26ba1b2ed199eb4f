package io.serverprofiles.autoconfigure.dev;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.boot.devtools.restart.classloader.RestartClassLoader;

/**
 * Puts a rebuilt class into the running app in place of a restart, when
 * {@link ClassChange} says the new version behaves as it would after one: a request
 * handler edited is served by the next request within milliseconds instead of after a
 * restart.
 */
final class HotSwap {

	private static final Log logger = LogFactory.getLog(HotSwap.class);

	private final @Nullable ClassLoader loader;

	private final CompletableFuture<Instrumentation> instrumentation;

	/**
	 * Hot swap for the classes of one run of the app.
	 * @param loader the loader of the app's classes in this run: devtools' restart class
	 * loader, or any other (a test's), which makes it swap nothing
	 */
	HotSwap(@Nullable ClassLoader loader) {
		this.loader = loader;
		this.instrumentation = (loader instanceof RestartClassLoader) ? HotSwapAgent.instrumentation()
				: CompletableFuture.failedFuture(new IllegalStateException("Not run by devtools' restarter"));
	}

	/**
	 * Whether the running app now has the changed class file's code, with no restart.
	 * @param file a class file written again
	 * @return {@code true} when the class was swapped in, was written unchanged, or is
	 * not loaded yet and needs no restart to be loaded as it is now
	 */
	boolean swapped(ChangedFile file) {
		String internalName = file.getRelativeName().replace('\\', '/').replaceFirst("\\.class$", "");
		Instrumentation attached = this.instrumentation.isCompletedExceptionally() ? null
				: this.instrumentation.getNow(null);
		if (attached == null) {
			return false;
		}
		byte[] loaded = HotSwapAgent.loadedClasses().find(this.loader, internalName);
		String name = internalName.replace('/', '.');
		try {
			byte[] rebuilt = Files.readAllBytes(file.getFile().toPath());
			if (loaded == null) {
				// Not loaded in this run: its next load reads the new file.
				return ClassChange.canLoadLater(rebuilt);
			}
			if (Arrays.equals(loaded, rebuilt)) {
				return true;
			}
			ClassChange change = ClassChange.between(loaded, rebuilt);
			if (!change.canSwap()) {
				logger.debug("Restart for " + name + ": " + change.describe());
				return false;
			}
			attached.redefineClasses(new ClassDefinition(Class.forName(name, false, this.loader), rebuilt));
			logger.info("Swapped " + name + " into the running app, no restart (" + change.describe() + ")");
			return true;
		}
		catch (Exception | LinkageError ex) {
			// A file still being written, or a change the JVM refuses: restart.
			logger.debug("Restart for " + name + ": " + ex);
			return false;
		}
	}

	/**
	 * Called when this run of the app ends.
	 */
	public void close() {
		HotSwapAgent.release();
	}

}
