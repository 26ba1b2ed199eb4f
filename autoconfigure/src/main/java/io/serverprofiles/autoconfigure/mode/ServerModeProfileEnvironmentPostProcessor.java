package io.serverprofiles.autoconfigure.mode;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Activates the {@code dev} or {@code prod} profile before config files are read, so that
 * the matching {@code application-<profile>.properties} applies.
 * <p>
 * A mode forced by {@code server-profiles.mode} activates its profile. A weaker signal
 * (devtools, or nothing) only makes it a default profile when no profile is active yet,
 * so that a {@code spring.profiles.active} in {@code application.properties} still wins.
 */
public class ServerModeProfileEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Runs just before config data, which chooses the profile-specific files.
	 */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER - 1;

	private final ServerModeResolver resolver;

	public ServerModeProfileEnvironmentPostProcessor() {
		this(new ServerModeResolver());
	}

	ServerModeProfileEnvironmentPostProcessor(ServerModeResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ServerMode mode = this.resolver.resolve(environment);
		environment.getPropertySources().addLast(new EarlyDecision(mode));
		if (ServerModeResolver.isModeProfileActive(environment, mode.getMode())) {
			return;
		}
		String profile = mode.getMode().profile();
		if (mode.getSignal() == ServerMode.Signal.PROPERTY
				|| !ServerModeResolver.activeProfiles(environment).isEmpty()) {
			environment.addActiveProfile(profile);
		}
		else {
			Set<String> defaults = new LinkedHashSet<>();
			defaults.add(profile);
			defaults.addAll(Set.of(environment.getDefaultProfiles()));
			environment.setDefaultProfiles(defaults.toArray(String[]::new));
		}
	}

	/**
	 * The mode seen before config data, carried to
	 * {@link ServerModeDefaultsEnvironmentPostProcessor}; it holds no properties.
	 */
	static final class EarlyDecision extends PropertySource<ServerMode> {

		static final String NAME = "serverProfilesEarlyMode";

		EarlyDecision(ServerMode mode) {
			super(NAME, mode);
		}

		@Override
		public Object getProperty(String name) {
			return null;
		}

		static ServerMode removeFrom(ConfigurableEnvironment environment) {
			PropertySource<?> source = environment.getPropertySources().remove(NAME);
			return (source != null) ? (ServerMode) source.getSource() : null;
		}

	}

}
