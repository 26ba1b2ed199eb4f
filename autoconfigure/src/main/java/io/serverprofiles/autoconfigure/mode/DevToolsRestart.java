package io.serverprofiles.autoconfigure.mode;

import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.util.ClassUtils;

/**
 * Whether devtools' restarter runs this application: it does under spring-boot:run and
 * IDE launches, never from a packaged jar and never under a test runner.
 */
final class DevToolsRestart {

	private static final String RESTARTER = "org.springframework.boot.devtools.restart.Restarter";

	private DevToolsRestart() {
	}

	static boolean isOnClasspath() {
		return ClassUtils.isPresent(RESTARTER, DevToolsRestart.class.getClassLoader());
	}

	static boolean isActive() {
		return isOnClasspath() && RestarterState.isInitialized();
	}

	static String whyInactive() {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		if (loader != null && loader.getClass().getName().startsWith("org.springframework.boot.loader")) {
			return "launched from a packaged jar";
		}
		if (!isOnClasspath()) {
			return "spring-boot-devtools is not on the classpath";
		}
		return "devtools restart is not active";
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
				// getInstance() refuses to answer before devtools' listener initialized
				// it.
				return false;
			}
		}

	}

}
