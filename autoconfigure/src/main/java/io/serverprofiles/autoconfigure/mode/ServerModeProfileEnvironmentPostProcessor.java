package io.serverprofiles.autoconfigure.mode;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Decides the mode, publishes the decision ({@link ServerModeDecision}) and activates the
 * {@code dev} or {@code prod} profile before config files are read, so that the matching
 * {@code application-<profile>.properties} applies.
 * <p>
 * A mode forced by {@code server-profiles.mode} activates its profile. A weaker signal (a
 * development run, or nothing) only makes it a default profile when no profile is active
 * yet, so that a {@code spring.profiles.active} in {@code application.properties} still
 * wins.
 */
public class ServerModeProfileEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Runs just before config data, which chooses the profile-specific files.
	 */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER - 1;

	private final ServerModeResolver resolver = new ServerModeResolver();

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ServerMode mode = this.resolver.resolve(environment,
				ApplicationLaunch.current(application.getMainApplicationClass()));
		ServerModeDecision.publish(environment, mode, activateProfile(environment, mode));
	}

	private @Nullable String activateProfile(ConfigurableEnvironment environment, ServerMode mode) {
		if (ServerModeResolver.isModeProfileActive(environment, mode.getMode())) {
			return null;
		}
		String profile = mode.getMode().profile();
		if (mode.getSignal() == ServerMode.Signal.PROPERTY
				|| !ServerModeResolver.activeProfiles(environment).isEmpty()) {
			environment.addActiveProfile(profile);
			return profile;
		}
		Set<String> defaults = new LinkedHashSet<>();
		defaults.add(profile);
		defaults.addAll(Set.of(environment.getDefaultProfiles()));
		environment.setDefaultProfiles(defaults.toArray(String[]::new));
		return null;
	}

}
