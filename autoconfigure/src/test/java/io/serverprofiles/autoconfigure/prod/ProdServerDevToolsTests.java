package io.serverprofiles.autoconfigure.prod;

import java.net.URL;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.support.OutsideTheTestRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app started with {@code server-profiles.mode=prod} the way an IDE or
 * {@code spring-boot:run} starts it with devtools on the classpath: devtools' restarter
 * initialized, and a main thread with no test runner on its stack. Devtools then adds its
 * property defaults and restarts on class changes, unless prod switches both off.
 */
class ProdServerDevToolsTests {

	/**
	 * Name of the property source devtools adds its defaults in.
	 */
	private static final String DEVTOOLS_DEFAULTS = "devtools";

	@BeforeEach
	@AfterEach
	void clearRestarter() {
		Restarter.clearInstance();
	}

	@Test
	void prodKeepsDevtoolsPropertyDefaultsOut() throws Exception {
		ConfigurableEnvironment environment = startedAsSpringBootRunDoes("--server-profiles.mode=prod");
		assertThat(environment.getPropertySources().contains(DEVTOOLS_DEFAULTS)).isFalse();
	}

	@Test
	void prodSwitchesDevtoolsRestartOff() throws Exception {
		ConfigurableEnvironment environment = startedAsSpringBootRunDoes("--server-profiles.mode=prod");
		assertThat(environment.getProperty("spring.devtools.restart.enabled", Boolean.class)).isFalse();
	}

	@Test
	void devKeepsDevtoolsPropertyDefaults() throws Exception {
		ConfigurableEnvironment environment = startedAsSpringBootRunDoes("--server-profiles.mode=dev");
		assertThat(environment.getPropertySources().contains(DEVTOOLS_DEFAULTS)).isTrue();
		assertThat(environment.getProperty("spring.devtools.restart.enabled", Boolean.class, true)).isTrue();
	}

	private static ConfigurableEnvironment startedAsSpringBootRunDoes(String... args) throws Exception {
		return OutsideTheTestRunner.call(() -> {
			// What spring-boot:run leaves set up, minus the restart itself.
			Restarter.initialize(new String[0], false, (thread) -> new URL[0], false);
			SpringApplication application = new SpringApplication(ModeOnly.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			try (ConfigurableApplicationContext context = application.run(args)) {
				return context.getEnvironment();
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ServerModeAutoConfiguration.class)
	static class ModeOnly {

	}

}
