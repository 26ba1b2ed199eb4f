package io.serverprofiles.autoconfigure.dev;

import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.devtools.filewatch.ChangedFile;

/**
 * Puts a rebuilt class into the running app in place of a restart, when
 * {@link ClassChange} says the new version behaves as it would after one: a request
 * handler edited is served by the next request within milliseconds instead of after a
 * restart.
 */
final class HotSwap {

	private static final Log logger = LogFactory.getLog(HotSwap.class);

	/**
	 * One per JVM, like the instrumentation it records from: it outlives every restarted
	 * context.
	 */
	private static final LoadedClassBytes loadedClasses = new LoadedClassBytes();

	private static final CompletableFuture<Instrumentation> instrumentation = HotSwapAgent.instrumentation()
		.thenApply((attached) -> {
			loadedClasses.recordFrom(attached);
			discardCompiledCode(attached);
			return attached;
		});

	private final ClassLoader loader;

	/**
	 * Hot swap for the classes of one run of the app.
	 * @param loader the loader of the app's classes in this run: devtools' restart class
	 * loader
	 */
	HotSwap(ClassLoader loader) {
		this.loader = loader;
	}

	/**
	 * Whether the running app now has the changed class file's code, with no restart.
	 * @param file a class file written again
	 * @return {@code true} when the class was swapped in, or was written unchanged
	 */
	boolean swapped(ChangedFile file) {
		String internalName = file.getRelativeName().replace('\\', '/').replaceFirst("\\.class$", "");
		Instrumentation attached = instrumentation.isCompletedExceptionally() ? null : instrumentation.getNow(null);
		byte[] loaded = loadedClasses.find(this.loader, internalName);
		if (attached == null || loaded == null) {
			return false;
		}
		String name = internalName.replace('/', '.');
		try {
			byte[] rebuilt = Files.readAllBytes(file.getFile().toPath());
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
	 * The JVM's first redefinition discards all compiled code, since the JIT recorded no
	 * dependencies before an agent asked for redefinition. Redefining a class as it is
	 * pays that now, while the app starts, instead of slowing the first restart after an
	 * edit.
	 */
	private static void discardCompiledCode(Instrumentation attached) {
		try (InputStream bytes = HotSwapAttacher.class.getResourceAsStream("HotSwapAttacher.class")) {
			attached.redefineClasses(new ClassDefinition(HotSwapAttacher.class, bytes.readAllBytes()));
		}
		catch (Exception | LinkageError ex) {
			logger.debug("Could not redefine a class ahead of the first edit: " + ex);
		}
	}

}
