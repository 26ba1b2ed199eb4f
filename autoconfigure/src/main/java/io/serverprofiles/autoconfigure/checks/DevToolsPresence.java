package io.serverprofiles.autoconfigure.checks;

import io.serverprofiles.autoconfigure.mode.DevToolsRestart;

import org.springframework.boot.devtools.system.DevToolsEnablementDeducer;
import org.springframework.core.env.Environment;

/**
 * What spring-boot-devtools does in this run: absent, shipped but inert (a packaged app
 * keeps its restarter off; prod switches restart and property defaults off), or active.
 */
public enum DevToolsPresence {

	/**
	 * Not on the classpath, or on it under a test runner, where it is expected and stays
	 * off.
	 */
	ABSENT,

	/**
	 * Shipped with the application, but it neither restarts nor adds properties.
	 */
	INERT,

	/**
	 * Its restarter runs with restarts on, or remote devtools is set up: in production
	 * that is a class loader swap on file changes, or remote code upload.
	 */
	ACTIVE;

	private static final String REMOTE_SECRET = "spring.devtools.remote.secret";

	/**
	 * What devtools does in the run started on the current thread (which tells a test
	 * runner apart; request threads could not).
	 * @param environment the effective environment
	 * @return its presence
	 */
	public static DevToolsPresence onThisThread(Environment environment) {
		if (!DevToolsRestart.isOnClasspath() || !Deducer.wouldEnable()) {
			return ABSENT;
		}
		boolean restarting = DevToolsRestart.isActive()
				&& environment.getProperty("spring.devtools.restart.enabled", Boolean.class, true);
		return (restarting || environment.containsProperty(REMOTE_SECRET)) ? ACTIVE : INERT;
	}

	/**
	 * Kept apart so that devtools' classes load only when they are present.
	 */
	private static final class Deducer {

		static boolean wouldEnable() {
			return DevToolsEnablementDeducer.shouldEnable(Thread.currentThread());
		}

	}

}
