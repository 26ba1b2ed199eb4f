package io.serverprofiles.autoconfigure.mode;

import java.net.URL;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devtools signal, read from devtools' real {@link Restarter}.
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
		assertThat(new ServerModeResolver().resolve(new MockEnvironment()).isProd()).isTrue();
	}

	@Test
	void anInitializedRestarterMeansDev() throws Exception {
		URL classes = getClass().getProtectionDomain().getCodeSource().getLocation();
		// What spring-boot:run does, minus the restart itself.
		Restarter.initialize(new String[0], false, (thread) -> new URL[] { classes }, false);
		assertThat(DevToolsRestart.isActive()).isTrue();
		assertThat(new ServerModeResolver().resolve(new MockEnvironment()).isDev()).isTrue();
	}

	@Test
	void aDisabledRestarterMeansNoDevSignal() {
		Restarter.disable();
		assertThat(DevToolsRestart.isActive()).isFalse();
	}

}
