package io.serverprofiles.autoconfigure.checks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * What checks may look at: the effective configuration, the classpath, the JVM's
 * arguments, whether it runs in a container, and the platform's grace period where it is
 * known.
 */
public final class CheckContext {

	private static final Duration KUBERNETES_GRACE_PERIOD = Duration.ofSeconds(30);

	private final Environment environment;

	private final ClassLoader classLoader;

	private final List<String> jvmArguments;

	private final boolean inContainer;

	private final @Nullable Duration gracePeriod;

	private final DevToolsPresence devTools;

	public CheckContext(Environment environment, ClassLoader classLoader, List<String> jvmArguments,
			boolean inContainer, @Nullable Duration gracePeriod, DevToolsPresence devTools) {
		this.environment = environment;
		this.classLoader = classLoader;
		this.jvmArguments = List.copyOf(jvmArguments);
		this.inContainer = inContainer;
		this.gracePeriod = gracePeriod;
		this.devTools = devTools;
	}

	/**
	 * The context of the running application.
	 * @param environment the environment
	 * @param properties the checks' settings
	 * @param devTools what spring-boot-devtools does in this run
	 * @return the context
	 */
	public static CheckContext of(Environment environment, ChecksProperties properties, DevToolsPresence devTools) {
		boolean kubernetes = CloudPlatform.getActive(environment) == CloudPlatform.KUBERNETES;
		Duration configured = properties.getGracePeriod();
		Duration gracePeriod = (configured != null) ? configured : (kubernetes ? KUBERNETES_GRACE_PERIOD : null);
		boolean container = kubernetes || Files.exists(Path.of("/.dockerenv"))
				|| Files.exists(Path.of("/run/.containerenv"));
		return new CheckContext(environment, CheckContext.class.getClassLoader(),
				ManagementFactory.getRuntimeMXBean().getInputArguments(), container, gracePeriod, devTools);
	}

	public Environment environment() {
		return this.environment;
	}

	/**
	 * The prod server's settings, bound from the environment as the server binds them.
	 * @return the settings
	 */
	public ProdServerProperties prod() {
		return ProdServerProperties.bind(this.environment);
	}

	/**
	 * A property's effective value, or the default.
	 * @param name the property
	 * @param defaultValue the default
	 * @return the value
	 */
	public String property(String name, String defaultValue) {
		return this.environment.getProperty(name, defaultValue);
	}

	/**
	 * A list property, bound the way Boot binds it (comma-separated or indexed).
	 * @param name the property
	 * @return the values, or empty when unset
	 */
	public Optional<List<String>> listProperty(String name) {
		return Binder.get(this.environment)
			.bind(name, Bindable.listOf(String.class))
			.map(List::copyOf)
			.map(Optional::of)
			.orElse(Optional.empty());
	}

	/**
	 * A duration property, bound the way Boot binds it.
	 * @param name the property
	 * @return the value, or empty when unset
	 */
	public Optional<Duration> durationProperty(String name) {
		return Binder.get(this.environment).bind(name, Duration.class).map(Optional::of).orElse(Optional.empty());
	}

	public boolean isPresent(String className) {
		return ClassUtils.isPresent(className, this.classLoader);
	}

	public List<String> jvmArguments() {
		return this.jvmArguments;
	}

	public boolean isInContainer() {
		return this.inContainer;
	}

	/**
	 * What spring-boot-devtools does in this run (under a test runner it is expected on
	 * the classpath and counts as absent).
	 * @return its presence
	 */
	public DevToolsPresence devTools() {
		return this.devTools;
	}

	public Optional<Duration> gracePeriod() {
		return Optional.ofNullable(this.gracePeriod);
	}

}
