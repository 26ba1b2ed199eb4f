package io.serverprofiles.autoconfigure.mode;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.serverprofiles.autoconfigure.mode.ServerMode.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Mode, profile and defaults through a real {@link SpringApplication} start, with config
 * files from {@code src/test/resources/mode/<case>/}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerModeEnvironmentPostProcessorTests {

	@Test
	void withNoSignalProdIsChosenAndApplicationProdPropertiesApplies() {
		try (ConfigurableApplicationContext context = run("plain")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(context.getBean(ServerMode.class).getMode()).isEqualTo(Mode.PROD);
			assertThat(environment.acceptsProfiles(Profiles.of("prod"))).isTrue();
			assertThat(environment.getProperty("test.file.prod")).isEqualTo("applied");
			assertThat(environment.getProperty("test.file.dev")).isNull();
			assertThat(environment.getProperty("test.file.base")).isEqualTo("applied");
			assertThat(environment.getProperty("spring.web.error.include-stacktrace")).isEqualTo("never");
		}
	}

	@Test
	void modeOnTheCommandLineActivatesItsProfileAndFile() {
		try (ConfigurableApplicationContext context = run("plain", "--server-profiles.mode=dev")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(context.getBean(ServerMode.class).isDev()).isTrue();
			assertThat(environment.getActiveProfiles()).containsExactly("dev");
			assertThat(environment.getProperty("test.file.dev")).isEqualTo("applied");
			assertThat(environment.getProperty("test.file.prod")).isNull();
			assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
		}
	}

	@Test
	void modeAsASystemPropertyActivatesItsProfileAndFile() {
		System.setProperty("server-profiles.mode", "dev");
		try (ConfigurableApplicationContext context = run("plain")) {
			assertThat(context.getEnvironment().getProperty("test.file.dev")).isEqualTo("applied");
		}
		finally {
			System.clearProperty("server-profiles.mode");
		}
	}

	@Test
	void profileSetInApplicationPropertiesDecidesTheMode() {
		try (ConfigurableApplicationContext context = run("profile-in-file")) {
			assertThat(context.getBean(ServerMode.class).getReason()).isEqualTo("active profile 'dev'");
			assertThat(context.getEnvironment().getProperty("test.file.dev")).isEqualTo("applied");
			assertThat(context.getEnvironment().getProperty("test.file.prod")).isNull();
		}
	}

	@Test
	void otherProfilesOnTheCommandLineKeepTheirPlaceBesideTheModeProfile() {
		try (ConfigurableApplicationContext context = run("plain", "--spring.profiles.active=staging")) {
			assertThat(context.getEnvironment().getActiveProfiles()).containsExactlyInAnyOrder("staging", "prod");
			assertThat(context.getEnvironment().getProperty("test.file.prod")).isEqualTo("applied");
		}
	}

	@Test
	void aProfileThatIsNeitherDevNorProdIsTheCauseNotTheProfileTheStarterAdded(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("plain", "--spring.profiles.active=staging")) {
			String reason = "active profile 'staging' is neither dev nor prod; no dev signal: started by a test runner";
			assertThat(context.getBean(ServerMode.class).getReason()).isEqualTo(reason);
			assertThat(output).contains("server-profiles: PROD (" + reason + ")");
		}
	}

	@Test
	void theBeanTheConditionsAndTheBootstrapContextShareTheOneDecision() {
		AtomicReference<ServerMode> bootstrapped = new AtomicReference<>();
		try (ConfigurableApplicationContext context = run("plain",
				(application) -> application.addBootstrapRegistryInitializer((registry) -> registry
					.addCloseListener((event) -> bootstrapped.set(event.getBootstrapContext().get(ServerMode.class)))),
				"--spring.profiles.active=staging")) {
			ServerMode decided = ServerModeDecision.of(context.getEnvironment());
			assertThat(context.getBean(ServerMode.class)).isSameAs(decided);
			assertThat(bootstrapped.get()).isSameAs(decided);
			assertThat(ConditionEvaluationReport.get(context.getBeanFactory())
				.getConditionAndOutcomesBySource()
				.values()
				.stream()
				.flatMap((outcomes) -> outcomes.stream())
				.map((outcome) -> outcome.getOutcome().getMessage())
				.filter((message) -> message.contains("@ConditionalOnServerMode"))).isNotEmpty()
				.allSatisfy((message) -> assertThat(message).contains("server mode " + decided));
		}
	}

	@Test
	void modeSetOnlyInApplicationPropertiesAgainstTheChosenProfileFailsWithWhereToSetIt(CapturedOutput output) {
		assertThatExceptionOfType(ServerModeException.class).isThrownBy(() -> run("mode-in-file"))
			.withMessageContaining("server-profiles.mode=dev is set in a config file")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("--server-profiles.mode=dev")
				.contains("SERVER_PROFILES_MODE=dev"));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("SERVER_PROFILES_MODE=dev");
	}

	@Test
	void invalidModeFailsAtStartupNamingThePropertyAndAllowedValues(CapturedOutput output) {
		assertThatExceptionOfType(ServerModeException.class)
			.isThrownBy(() -> run("plain", "--server-profiles.mode=staging"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'staging' for property 'server-profiles.mode' (from commandLineArgs)")
			.contains("Allowed values are: dev, prod.")
			.doesNotContain("\tat io.serverprofiles");
	}

	@Test
	void userPropertiesBeatModeDefaults() {
		try (ConfigurableApplicationContext context = run("user-override")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getProperty("spring.web.error.include-stacktrace")).isEqualTo("on_param");
			assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
			assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("5s");
		}
	}

	@Test
	void commandLineBeatsModeDefaults() {
		try (ConfigurableApplicationContext context = run("plain", "--server-profiles.mode=dev",
				"--server.address=127.0.0.9")) {
			assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.9");
		}
	}

	@Test
	void defaultsAreTheLowestPropertySource() {
		try (ConfigurableApplicationContext context = run("plain")) {
			// Boot moves its own applicationInfo source (the PID) to the very end.
			assertThat(context.getEnvironment()
				.getPropertySources()
				.stream()
				.filter((source) -> !source.getName().equals("applicationInfo"))
				.reduce((first, second) -> second))
				.hasValueSatisfying((last) -> assertThat(last.getName())
					.isEqualTo(ServerModeDefaultsEnvironmentPostProcessor.DEFAULTS_SOURCE_NAME));
		}
	}

	@Test
	void defaultsCanBeTurnedOff() {
		try (ConfigurableApplicationContext context = run("plain", "--server-profiles.add-defaults=false")) {
			assertThat(context.getEnvironment()
				.getPropertySources()
				.contains(ServerModeDefaultsEnvironmentPostProcessor.DEFAULTS_SOURCE_NAME)).isFalse();
			assertThat(context.getEnvironment().getProperty("spring.web.error.include-stacktrace")).isNull();
		}
	}

	@Test
	void modeAndReasonAreLoggedOnceInOneLine(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("plain")) {
			assertThat(output.getOut().split("server-profiles: PROD \\(no dev signal: ", -1)).hasSize(2);
			assertThat(output).contains("— set server-profiles.mode to override");
		}
	}

	private ConfigurableApplicationContext run(String configCase, String... args) {
		return run(configCase, (application) -> {
		}, args);
	}

	private ConfigurableApplicationContext run(String configCase, Consumer<SpringApplication> customizer,
			String... args) {
		SpringApplication application = new SpringApplication(ModeOnly.class);
		customizer.accept(application);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] arguments = new String[args.length + 1];
		arguments[0] = "--spring.config.location=classpath:/mode/" + configCase + "/";
		System.arraycopy(args, 0, arguments, 1, args.length);
		return application.run(arguments);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(ServerModeAutoConfiguration.class)
	static class ModeOnly {

		@Bean
		@ConditionalOnServerMode(Mode.PROD)
		String prodOnly() {
			return "prod";
		}

		@Bean
		@ConditionalOnServerMode(Mode.DEV)
		String devOnly() {
			return "dev";
		}

	}

}
