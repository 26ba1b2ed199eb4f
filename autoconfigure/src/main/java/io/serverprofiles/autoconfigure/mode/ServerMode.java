package io.serverprofiles.autoconfigure.mode;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The server profile the application runs in, and why it was chosen. Inject it to branch
 * on dev or prod; {@link #describe()} is the line logged at startup.
 *
 * @see ServerModeDecision
 */
public final class ServerMode {

	private final Mode mode;

	private final Signal signal;

	private final String reason;

	public ServerMode(Mode mode, Signal signal, String reason) {
		this.mode = mode;
		this.signal = signal;
		this.reason = reason;
	}

	public Mode getMode() {
		return this.mode;
	}

	/**
	 * Which rule of the resolution order decided the mode.
	 * @return the deciding signal
	 */
	public Signal getSignal() {
		return this.signal;
	}

	/**
	 * Why this mode was chosen, in words a user can act on.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	public boolean isDev() {
		return this.mode == Mode.DEV;
	}

	public boolean isProd() {
		return this.mode == Mode.PROD;
	}

	/**
	 * The one line logged at startup: mode, reason and how to override it.
	 * @return the description
	 */
	public String describe() {
		return "server-profiles: " + this.mode + " (" + this.reason + ") — set " + ServerProfilesProperties.MODE
				+ " to override";
	}

	@Override
	public String toString() {
		return this.mode + " (" + this.reason + ")";
	}

	/**
	 * The two server profiles.
	 */
	public enum Mode {

		/**
		 * Reloading development server on loopback that shows everything.
		 */
		DEV,

		/**
		 * Hardened production server.
		 */
		PROD;

		// Applications may ask for it per request (the demo's JSON does): computed once.
		private final String profile = name().toLowerCase(Locale.ROOT);

		/**
		 * Spring profile that this mode activates, so that
		 * {@code application-dev.properties} and {@code application-prod.properties}
		 * apply.
		 * @return the profile name
		 */
		public String profile() {
			return this.profile;
		}

		static @Nullable Mode parse(String value) {
			for (Mode mode : values()) {
				if (mode.profile().equalsIgnoreCase(value.trim())) {
					return mode;
				}
			}
			return null;
		}

	}

	/**
	 * The rules of the resolution order, strongest first.
	 */
	public enum Signal {

		/**
		 * {@code server-profiles.mode} is set.
		 */
		PROPERTY,

		/**
		 * A dev or prod Spring profile is active.
		 */
		PROFILE,

		/**
		 * The application runs from a build's output directory: spring-boot:run, Gradle's
		 * bootRun or an IDE.
		 */
		DEVELOPMENT_RUN,

		/**
		 * Nothing said dev, so prod: safe by default.
		 */
		DEFAULT

	}

}
