package io.serverprofiles.autoconfigure.dev;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.devtools.restart.classloader.RestartClassLoader;

/**
 * The bytes each class of the app was defined from, as the JVM loads or redefines it: the
 * version a rebuilt class file is compared with. Only classes of devtools' restart class
 * loader, which hold the app's own code, are kept, and only while their loader lives.
 */
final class LoadedClassBytes implements ClassFileTransformer {

	private final Map<ClassLoader, Map<String, byte[]>> byLoader = new WeakHashMap<>();

	/**
	 * Start recording, and record the classes loaded before now from their class files.
	 * @param instrumentation the JVM's instrumentation
	 */
	void recordFrom(Instrumentation instrumentation) {
		instrumentation.addTransformer(this, true);
		List<Class<?>> notOnFile = new ArrayList<>();
		for (Class<?> type : instrumentation.getAllLoadedClasses()) {
			ClassLoader loader = type.getClassLoader();
			String internalName = type.getName().replace('.', '/');
			if (loader instanceof RestartClassLoader && find(loader, internalName) == null) {
				byte[] onFile = classFile(loader, internalName);
				if (onFile != null) {
					record(loader, internalName, onFile);
				}
				else if (instrumentation.isModifiableClass(type)) {
					notOnFile.add(type);
				}
			}
		}
		if (!notOnFile.isEmpty()) {
			try {
				// Hands this transformer the bytes the JVM rebuilds from the class: the
				// same code, but not the same bytes as a class file, so a rebuild of it
				// reads as a debug information change.
				instrumentation.retransformClasses(notOnFile.toArray(Class<?>[]::new));
			}
			catch (UnmodifiableClassException | RuntimeException ex) {
				// Those classes change by restarting, as without hot swap.
			}
		}
	}

	/**
	 * The class file a class loaded before recording began was defined from, read again
	 * from its loader: the app starts in the moments the agent takes to attach, so most
	 * of its classes are loaded by then, and their files are what a rebuild is compared
	 * with.
	 */
	private static byte @Nullable [] classFile(ClassLoader loader, String internalName) {
		try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
			return (in != null) ? in.readAllBytes() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * The bytes a class was defined from.
	 * @param loader the class's loader
	 * @param internalName the class's name with slashes
	 * @return the bytes, or {@code null} if the loader has not loaded the class
	 */
	synchronized byte @Nullable [] find(@Nullable ClassLoader loader, String internalName) {
		Map<String, byte[]> classes = this.byLoader.get(loader);
		return (classes != null) ? classes.get(internalName) : null;
	}

	@Override
	public byte @Nullable [] transform(@Nullable ClassLoader loader, @Nullable String internalName,
			@Nullable Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
		if (loader instanceof RestartClassLoader && internalName != null) {
			record(loader, internalName, bytes);
		}
		return null;
	}

	private synchronized void record(ClassLoader loader, String internalName, byte[] bytes) {
		this.byLoader.computeIfAbsent(loader, (key) -> new ConcurrentHashMap<>()).put(internalName, bytes.clone());
	}

}
