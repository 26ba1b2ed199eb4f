package io.serverprofiles.autoconfigure.dev;

import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;

import net.bytebuddy.agent.ByteBuddyAgent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.devtools.restart.classloader.RestartClassLoader;
import org.springframework.util.ClassUtils;

/**
 * The JVM's {@link Instrumentation}, which redefines loaded classes, from Byte Buddy's
 * agent: it attaches to the dev server's own JVM, from a helper process where the JVM
 * refuses to attach to itself, in the background, once per JVM. Byte Buddy keeps the
 * instrumentation in its own class, loaded from a jar by the application class loader, so
 * every copy of this class gets it: devtools loads a copy per restart when the starter's
 * classes come from a directory ({@code spring-boot:run -am}). From then on the app's
 * classes are recorded as they load ({@link LoadedClassBytes}).
 */
final class HotSwapAgent {

	private static final Log logger = LogFactory.getLog(HotSwapAgent.class);

	private static final String BYTE_BUDDY_AGENT = "net.bytebuddy.agent.ByteBuddyAgent";

	/*
	 * Static because the JVM has one instrumentation: it and what it records outlive
	 * every restarted context (unless this class is itself reloaded, see release()).
	 */
	private static final CompletableFuture<Instrumentation> ready = new CompletableFuture<>();

	private static final LoadedClassBytes loadedClasses = new LoadedClassBytes();

	private static boolean requested;

	private HotSwapAgent() {
	}

	/**
	 * The instrumentation, attached in the background on the first call.
	 * @return completes with the instrumentation once it records the app's classes, or
	 * exceptionally, with the reason, when the JVM cannot attach agents
	 */
	static synchronized CompletableFuture<Instrumentation> instrumentation() {
		if (!requested) {
			requested = true;
			Thread attach = new Thread(HotSwapAgent::attach, "server-profiles-hot-swap");
			attach.setDaemon(true);
			attach.start();
		}
		return ready;
	}

	/**
	 * The bytes of the app's classes, recorded once the instrumentation is ready.
	 * @return the recorded classes
	 */
	static LoadedClassBytes loadedClasses() {
		return loadedClasses;
	}

	/**
	 * What hot swap does, for the startup report.
	 * @return whether an edited handler is swapped in, or why not
	 */
	static String status() {
		if (!ready.isDone()) {
			return "an edited request handler is swapped in without one once hot swap is ready (logged)";
		}
		if (ready.isCompletedExceptionally()) {
			return "hot swap is unavailable (" + reason(ready.handle((instrumentation, failure) -> failure).join())
					+ ")";
		}
		return "an edited request handler is swapped in without one";
	}

	/**
	 * Stop recording when this copy of the class goes away with its restart class loader,
	 * so that the JVM's instrumentation does not keep that loader alive. The copy loaded
	 * by the next restart records from then on.
	 */
	static void release() {
		if (HotSwapAgent.class.getClassLoader() instanceof RestartClassLoader && ready.isDone()
				&& !ready.isCompletedExceptionally()) {
			ready.join().removeTransformer(loadedClasses);
		}
	}

	private static void attach() {
		if (!ClassUtils.isPresent(BYTE_BUDDY_AGENT, HotSwapAgent.class.getClassLoader())) {
			unavailable(new IllegalStateException("net.bytebuddy:byte-buddy-agent is not on the class path"));
			return;
		}
		try {
			explainJvmWarning();
			Instrumentation instrumentation = ByteBuddyAgent.install();
			loadedClasses.recordFrom(instrumentation);
			discardCompiledCode(instrumentation);
			ready.complete(instrumentation);
			logger.info("Hot swap is ready: an edited request handler goes in without a restart");
		}
		catch (RuntimeException ex) {
			unavailable(ex);
		}
	}

	/**
	 * Java 21 and later warn on stderr when an agent is loaded into a running JVM, unless
	 * it was started with -XX:+EnableDynamicAgentLoading.
	 */
	private static void explainJvmWarning() {
		boolean flagged = ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.contains("-XX:+EnableDynamicAgentLoading");
		if (Runtime.version().feature() >= 21 && !flagged) {
			logger.info("The JVM's warning about a Java agent loaded dynamically is about hot swap. Add "
					+ "-XX:+EnableDynamicAgentLoading to the dev JVM's arguments to hide it, or set "
					+ "server-profiles.dev.hot-swap=false to restart on every change instead.");
		}
	}

	private static void unavailable(Exception ex) {
		logger.info("Hot swap is unavailable, so every class change restarts the app (" + reason(ex) + ")");
		ready.completeExceptionally(ex);
	}

	private static String reason(Throwable ex) {
		StringBuilder reason = new StringBuilder();
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				reason.append((reason.length() > 0) ? ": " : "").append(cause.getMessage().strip());
			}
		}
		return (reason.length() > 0) ? reason.toString() : ex.getClass().getName();
	}

	/**
	 * The JVM's first redefinition discards all compiled code, since the JIT recorded no
	 * dependencies before an agent asked for redefinition. Redefining a class as it is
	 * pays that now, while the app starts, instead of slowing the first restart after an
	 * edit.
	 */
	private static void discardCompiledCode(Instrumentation instrumentation) {
		try (InputStream bytes = HotSwapAgent.class.getResourceAsStream("LoadedClassBytes.class")) {
			instrumentation.redefineClasses(new ClassDefinition(LoadedClassBytes.class, bytes.readAllBytes()));
		}
		catch (Exception | LinkageError ex) {
			logger.debug("Could not redefine a class ahead of the first edit: " + ex);
		}
	}

}
