package io.serverprofiles.autoconfigure.mode;

import java.net.URL;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.devtools.restart.Restarter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * devtools' real {@link Restarter}, read and switched off the way a packaged app needs.
 */
class DevToolsRestartTests {

	// Every SpringApplication.run in this JVM leaves a disabled restarter behind.
	@BeforeEach
	@AfterEach
	void clearRestarter() {
		Restarter.clearInstance();
	}

	@Test
	void underATestRunnerTheRestarterIsInactive() {
		assertThat(DevToolsRestart.isActive()).isFalse();
	}

	@Test
	void anInitializedRestarterIsActive() throws Exception {
		URL classes = getClass().getProtectionDomain().getCodeSource().getLocation();
		// What spring-boot:run does, minus the restart itself.
		Restarter.initialize(new String[0], false, (thread) -> new URL[] { classes }, false);
		assertThat(DevToolsRestart.isActive()).isTrue();
	}

	@Test
	void disablingBeforeDevtoolsStartsKeepsItsLaterInitializationFromStartingTheRestarter() throws Exception {
		DevToolsRestart.disableIfPresent();
		URL classes = getClass().getProtectionDomain().getCodeSource().getLocation();
		// What devtools' RestartApplicationListener does
		// next, on ApplicationStartingEvent.
		Restarter.initialize(new String[0], false, (thread) -> new URL[] { classes }, false);
		assertThat(DevToolsRestart.isActive()).isFalse();
	}

	@Test
	void aRestarterAlreadyRunningIsLeftAlone() throws Exception {
		URL classes = getClass().getProtectionDomain().getCodeSource().getLocation();
		Restarter.initialize(new String[0], false, (thread) -> new URL[] { classes }, false);
		DevToolsRestart.disableIfPresent();
		assertThat(DevToolsRestart.isActive()).isTrue();
	}

}
