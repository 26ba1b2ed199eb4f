package io.serverprofiles.autoconfigure.mode;

/**
 * The mode cannot be decided as configured; {@link ServerModeFailureAnalyzer} turns it
 * into a description and an action instead of a stack trace.
 */
public class ServerModeException extends RuntimeException {

	private final String action;

	ServerModeException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * What the user should change.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

	static ServerModeException invalidValue(String value, String source) {
		return new ServerModeException(
				"Invalid value '" + value + "' for property '" + ServerProfilesProperties.MODE + "' (from " + source
						+ "). Allowed values are: dev, prod.",
				"Set " + ServerProfilesProperties.MODE + " to dev or prod, or remove it to let the mode be chosen "
						+ "from profiles and how the app was launched.");
	}

	static ServerModeException contradictingProfiles(String devProfile, String prodProfile) {
		return new ServerModeException(
				"Both a dev profile ('" + devProfile + "') and a prod profile ('" + prodProfile
						+ "') are active, so the server mode is ambiguous.",
				"Activate only one of them, or set " + ServerProfilesProperties.MODE + "=dev or "
						+ ServerProfilesProperties.MODE + "=prod on the command line.");
	}

	static ServerModeException setTooLate(ServerMode late, ServerMode early) {
		String mode = late.getMode().profile();
		return new ServerModeException(
				ServerProfilesProperties.MODE + "=" + mode + " is set in a config file (" + late.getReason()
						+ "), which is read after the '" + early.getMode().profile() + "' profile was already chosen ("
						+ early.getReason() + "), so the wrong profile-specific files " + "would apply.",
				"Set the mode where it is read before config files: --" + ServerProfilesProperties.MODE + "=" + mode
						+ " on the command line, the environment variable SERVER_PROFILES_MODE=" + mode
						+ ", the system property -D" + ServerProfilesProperties.MODE + "=" + mode
						+ ", or spring.profiles.active=" + mode + " in application.properties.");
	}

}
