package io.serverprofiles.autoconfigure.mode;

import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.util.ClassUtils;

/**
 * devtools' restarter, seen from server-profiles: whether it runs this application, and
 * switching it off before it starts. Its classes load only when devtools is present.
 */
public final class DevToolsRestart {

	private static final String RESTARTER = "org.springframework.boot.devtools.restart.Restarter";

	private DevToolsRestart() {
	}

	/**
	 * Whether spring-boot-devtools is on the classpath.
	 * @return whether devtools is present
	 */
	public static boolean isOnClasspath() {
		return ClassUtils.isPresent(RESTARTER, DevToolsRestart.class.getClassLoader());
	}

	/**
	 * Whether devtools' restarter runs this application (restarts and its property
	 * defaults are on).
	 * @return whether the restarter is active
	 */
	public static boolean isActive() {
		return isOnClasspath() && RestarterState.isInitialized();
	}

	/**
	 * Switch the restarter off before devtools' own listener would start it: it must run
	 * before {@code ApplicationStartingEvent}. A restarter already set up stays as it is.
	 */
	static void disableIfPresent() {
		if (isOnClasspath()) {
			RestarterState.disable();
		}
	}

	/**
	 * Kept apart so that devtools' classes load only when they are present.
	 */
	private static final class RestarterState {

		static boolean isInitialized() {
			try {
				Restarter restarter = Restarter.getInstance();
				return restarter != null && restarter.getInitialUrls() != null;
			}
			catch (IllegalStateException ex) {
				// getInstance() refuses to answer before devtools' listener has
				// initialized it.
				return false;
			}
		}

		static void disable() {
			try {
				Restarter.getInstance();
			}
			catch (IllegalStateException ex) {
				// Not set up yet: devtools' listener finds this disabled one and
				// keeps it.
				Restarter.disable();
			}
		}

	}

}
