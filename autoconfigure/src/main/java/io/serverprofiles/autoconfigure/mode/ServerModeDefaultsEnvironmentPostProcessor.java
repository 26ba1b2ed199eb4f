package io.serverprofiles.autoconfigure.mode;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Once config files are read: takes in the one signal that only they can give (a dev or
 * prod profile they activate), refuses a {@code server-profiles.mode} they set against
 * the decision, logs the mode in one line, and adds that mode's defaults as the
 * lowest-precedence property source, so every property a user sets wins.
 */
public class ServerModeDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Runs after config data, so that the defaults go below
	 * {@code application.properties}.
	 */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	/**
	 * Name of the property source holding the active mode's defaults.
	 */
	public static final String DEFAULTS_SOURCE_NAME = "serverProfilesDefaults";

	private final Log logger;

	private final ConfigurableBootstrapContext bootstrapContext;

	private final ServerModeResolver resolver = new ServerModeResolver();

	private final List<ModeDefaults> modeDefaults = SpringFactoriesLoader
		.forDefaultResourceLocation(ServerModeDefaultsEnvironmentPostProcessor.class.getClassLoader())
		.load(ModeDefaults.class);

	public ServerModeDefaultsEnvironmentPostProcessor(DeferredLogFactory logFactory,
			ConfigurableBootstrapContext bootstrapContext) {
		this.logger = logFactory.getLog(ServerModeDefaultsEnvironmentPostProcessor.class);
		this.bootstrapContext = bootstrapContext;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ServerMode mode = settle(environment);
		this.logger.info(mode.describe());
		this.bootstrapContext.register(ServerMode.class, InstanceSupplier.of(mode));
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(DEFAULTS_SOURCE_NAME);
		if (environment.getProperty(ServerProfilesProperties.ADD_DEFAULTS, Boolean.class, true)) {
			sources.addLast(new MapPropertySource(DEFAULTS_SOURCE_NAME, defaultsFor(mode, environment)));
		}
	}

	private ServerMode settle(ConfigurableEnvironment environment) {
		ServerModeDecision decision = ServerModeDecision.find(environment);
		if (decision == null) {
			return ServerModeDecision.of(environment);
		}
		ServerMode early = decision.getSource();
		if (early.getSignal() == ServerMode.Signal.PROPERTY || early.getSignal() == ServerMode.Signal.PROFILE) {
			return early;
		}
		ServerMode fromFile = fromConfigFiles(environment, decision);
		if (fromFile == null) {
			return early;
		}
		if (fromFile.getSignal() == ServerMode.Signal.PROPERTY && fromFile.getMode() != early.getMode()) {
			throw ServerModeException.setTooLate(fromFile, early);
		}
		String added = decision.getAddedProfile();
		if (added != null && fromFile.getMode() != early.getMode()) {
			String named = fromFile.getMode().profile();
			throw fromFile.isDev() ? ServerModeException.contradictingProfiles(named, added)
					: ServerModeException.contradictingProfiles(added, named);
		}
		ServerModeDecision.publish(environment, fromFile, decision.getAddedProfile());
		return fromFile;
	}

	/**
	 * What config files say of the mode: {@code server-profiles.mode}, or a dev or prod
	 * profile they activate (never the profile server-profiles added itself).
	 */
	private @Nullable ServerMode fromConfigFiles(ConfigurableEnvironment environment, ServerModeDecision decision) {
		ServerMode byProperty = this.resolver.fromProperty(environment);
		if (byProperty != null) {
			return byProperty;
		}
		Set<String> profiles = new LinkedHashSet<>(ServerModeResolver.activeProfiles(environment));
		profiles.remove(decision.getAddedProfile());
		return this.resolver.fromProfiles(profiles);
	}

	private Map<String, Object> defaultsFor(ServerMode mode, ConfigurableEnvironment environment) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		this.modeDefaults.stream()
			.filter((candidate) -> candidate.mode() == mode.getMode())
			.forEach((candidate) -> defaults.putAll(candidate.properties(environment)));
		return defaults;
	}

}
