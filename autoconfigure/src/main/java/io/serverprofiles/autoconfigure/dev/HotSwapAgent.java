package io.serverprofiles.autoconfigure.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The JVM's {@link Instrumentation}, which redefines loaded classes. A JVM may attach an
 * agent to itself only when started with {@code -Djdk.attach.allowAttachSelf=true}, so a
 * short-lived helper JVM ({@link HotSwapAttacher}) loads this class as an agent into the
 * dev server's JVM, in the background, once per JVM. From then on the agent records the
 * bytes of the app's classes as they load ({@link LoadedClassBytes}).
 */
final class HotSwapAgent {

	private static final Log logger = LogFactory.getLog(HotSwapAgent.class);

	/*
	 * Static because the JVM hands the instrumentation to a static method, once per JVM:
	 * it and what it records outlive every restarted context.
	 */
	private static final CompletableFuture<Instrumentation> loaded = new CompletableFuture<>();

	private static final CompletableFuture<Instrumentation> ready = new CompletableFuture<>();

	private static final LoadedClassBytes loadedClasses = new LoadedClassBytes();

	private static boolean requested;

	private HotSwapAgent() {
	}

	/**
	 * Called by the JVM when the helper loads the agent.
	 * @param arguments unused
	 * @param instrumentation the JVM's instrumentation
	 */
	public static void agentmain(String arguments, Instrumentation instrumentation) {
		loaded.complete(instrumentation);
	}

	/**
	 * The instrumentation, attached in the background on the first call.
	 * @return completes with the instrumentation once it records the app's classes, or
	 * exceptionally when the JVM cannot attach agents
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

	private static void attach() {
		try {
			explainJvmWarning();
			Path jar = agentJar();
			Path output = Files.createTempFile("server-profiles-hot-swap", ".log");
			output.toFile().deleteOnExit();
			Process helper = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", jar.toString(), HotSwapAttacher.class.getName(),
					Long.toString(ProcessHandle.current().pid()), jar.toString())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!helper.waitFor(30, TimeUnit.SECONDS)) {
				helper.destroyForcibly();
			}
			if (helper.isAlive() || helper.exitValue() != 0 || !loaded.isDone()) {
				throw new IllegalStateException(
						"the helper JVM could not load the agent: " + Files.readString(output).strip());
			}
			Instrumentation instrumentation = loaded.join();
			loadedClasses.recordFrom(instrumentation);
			discardCompiledCode(instrumentation);
			ready.complete(instrumentation);
		}
		catch (IOException | RuntimeException ex) {
			unavailable(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
		logger.info("Hot swap is unavailable, so every class change restarts the app (" + ex.getMessage() + ")");
		ready.completeExceptionally(ex);
	}

	/**
	 * The JVM's first redefinition discards all compiled code, since the JIT recorded no
	 * dependencies before an agent asked for redefinition. Redefining a class as it is
	 * pays that now, while the app starts, instead of slowing the first restart after an
	 * edit.
	 */
	private static void discardCompiledCode(Instrumentation instrumentation) {
		try (InputStream bytes = HotSwapAttacher.class.getResourceAsStream("HotSwapAttacher.class")) {
			instrumentation.redefineClasses(new ClassDefinition(HotSwapAttacher.class, bytes.readAllBytes()));
		}
		catch (Exception | LinkageError ex) {
			logger.debug("Could not redefine a class ahead of the first edit: " + ex);
		}
	}

	/**
	 * A jar naming this class as the agent, with the helper's class. The JVM finds this
	 * class itself on the application class path, ahead of the appended jar.
	 */
	private static Path agentJar() throws IOException {
		Manifest manifest = new Manifest();
		Attributes attributes = manifest.getMainAttributes();
		attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		attributes.putValue("Agent-Class", HotSwapAgent.class.getName());
		attributes.putValue("Can-Redefine-Classes", "true");
		attributes.putValue("Can-Retransform-Classes", "true");
		Path jar = Files.createTempFile("server-profiles-hot-swap", ".jar");
		jar.toFile().deleteOnExit();
		String helperClass = HotSwapAttacher.class.getName().replace('.', '/') + ".class";
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file, manifest);
				InputStream helper = HotSwapAgent.class.getClassLoader().getResourceAsStream(helperClass)) {
			out.putNextEntry(new JarEntry(helperClass));
			helper.transferTo(out);
			out.closeEntry();
		}
		return jar;
	}

}
