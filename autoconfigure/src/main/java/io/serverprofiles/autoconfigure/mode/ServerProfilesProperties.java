package io.serverprofiles.autoconfigure.mode;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Top-level settings of server-profiles.
 */
@ConfigurationProperties(ServerProfilesProperties.PREFIX)
public class ServerProfilesProperties {

	/**
	 * The prefix of these settings.
	 */
	public static final String PREFIX = "server-profiles";

	/**
	 * The key of add-defaults.
	 */
	public static final String ADD_DEFAULTS = PREFIX + ".add-defaults";

	/**
	 * The key of mode.
	 */
	public static final String MODE = PREFIX + ".mode";

	/**
	 * Server mode to run in, overriding profiles and how the app was launched. Set it on
	 * the command line, as SERVER_PROFILES_MODE or as a system property so that it is
	 * seen before application-{dev,prod}.properties are chosen.
	 */
	private ServerMode.@Nullable Mode mode;

	/**
	 * Whether to add the mode's defaults (bind address, error details, actuator exposure,
	 * limits, timeouts) as the lowest-precedence property source.
	 */
	private boolean addDefaults = true;

	public ServerMode.@Nullable Mode getMode() {
		return this.mode;
	}

	public void setMode(ServerMode.@Nullable Mode mode) {
		this.mode = mode;
	}

	public boolean isAddDefaults() {
		return this.addDefaults;
	}

	public void setAddDefaults(boolean addDefaults) {
		this.addDefaults = addDefaults;
	}

}
