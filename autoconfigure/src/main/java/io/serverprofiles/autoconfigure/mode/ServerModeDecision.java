package io.serverprofiles.autoconfigure.mode;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * The mode, decided once per start and published in the environment (as Boot's
 * {@code ApplicationInfoPropertySource} publishes a computed fact), so that conditions,
 * the {@link ServerMode} bean, the actuator and the checks all read the same decision and
 * its original reason. It holds no properties.
 */
public final class ServerModeDecision extends PropertySource<ServerMode> {

	/**
	 * Name of the property source.
	 */
	public static final String NAME = "serverProfilesMode";

	private final @Nullable String addedProfile;

	private ServerModeDecision(ServerMode mode, @Nullable String addedProfile) {
		super(NAME, mode);
		this.addedProfile = addedProfile;
	}

	@Override
	public @Nullable Object getProperty(String name) {
		return null;
	}

	/**
	 * The profile that server-profiles itself activated for this decision, which must
	 * never be taken for a signal.
	 * @return the profile, or {@code null} when it was only made a default profile
	 */
	@Nullable String getAddedProfile() {
		return this.addedProfile;
	}

	/**
	 * The decided mode of this environment. Where no post-processor ran (an
	 * {@code ApplicationContextRunner}, a context built by hand) it is decided now, from
	 * the environment alone, and published.
	 * @param environment the environment
	 * @return the mode and its reason
	 */
	public static ServerMode of(Environment environment) {
		ServerModeDecision decision = find(environment);
		if (decision != null) {
			return decision.getSource();
		}
		ServerMode mode = new ServerModeResolver().resolve(environment, ApplicationLaunch.of((Class<?>) null));
		if (environment instanceof ConfigurableEnvironment configurable) {
			publish(configurable, mode, null);
		}
		return mode;
	}

	static @Nullable ServerModeDecision find(Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable
				&& configurable.getPropertySources().get(NAME) instanceof ServerModeDecision decision) {
			return decision;
		}
		return null;
	}

	static void publish(ConfigurableEnvironment environment, ServerMode mode, @Nullable String addedProfile) {
		MutablePropertySources sources = environment.getPropertySources();
		ServerModeDecision decision = new ServerModeDecision(mode, addedProfile);
		if (sources.contains(NAME)) {
			sources.replace(NAME, decision);
		}
		else {
			sources.addLast(decision);
		}
	}

}
