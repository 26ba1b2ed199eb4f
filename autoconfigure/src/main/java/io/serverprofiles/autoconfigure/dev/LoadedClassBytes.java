package io.serverprofiles.autoconfigure.dev;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.Arrays;
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
	 * Start recording, and record the classes loaded before now as the JVM has them.
	 * @param instrumentation the JVM's instrumentation
	 */
	void recordFrom(Instrumentation instrumentation) {
		instrumentation.addTransformer(this, true);
		Class<?>[] loadedBefore = Arrays.stream(instrumentation.getAllLoadedClasses())
			.filter((type) -> type.getClassLoader() instanceof RestartClassLoader)
			.filter((type) -> find(type.getClassLoader(), type.getName().replace('.', '/')) == null)
			.filter(instrumentation::isModifiableClass)
			.toArray(Class<?>[]::new);
		if (loadedBefore.length > 0) {
			try {
				// Hands this transformer their bytes, unchanged.
				instrumentation.retransformClasses(loadedBefore);
			}
			catch (UnmodifiableClassException | RuntimeException ex) {
				// Those classes change by restarting, as without hot swap.
			}
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
