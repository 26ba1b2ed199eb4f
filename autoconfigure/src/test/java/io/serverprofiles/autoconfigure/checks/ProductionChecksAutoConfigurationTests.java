package io.serverprofiles.autoconfigure.checks;

import java.util.Optional;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Checks at startup: which exist in which mode, a user's own check, and what a failing
 * report does to startup.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionChecksAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ServerModeAutoConfiguration.class, ProductionChecksAutoConfiguration.class));

	@Test
	void inProdTheBuiltInChecksRunAtStartup() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "server-profiles.prod.allowed-hosts=example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ProductionChecksOnStartup.class);
				assertThat(context.getBeansOfType(ProductionCheck.class)).hasSize(16);
			});
	}

	@Test
	void inDevThereAreNoChecks() {
		this.runner.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertThat(context).doesNotHaveBean(ProductionChecks.class)
				.doesNotHaveBean(ProductionCheck.class));
	}

	@Test
	void aUsersOwnCheckRunsWithTheBuiltInOnes() {
		this.runner.withPropertyValues("server-profiles.mode=prod")
			.withUserConfiguration(OwnCheck.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(ProductionChecksFailedException.class)
				.hasMessageContaining("ACME-1  no audit log"));
	}

	@Test
	void anIgnoredCheckDoesNotStopStartup() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "server-profiles.checks.ignore=ACME-1")
			.withUserConfiguration(OwnCheck.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void failOnNeverReportsWithoutStopping() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "server-profiles.checks.fail-on=never")
			.withUserConfiguration(OwnCheck.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void anUnsafeServerDoesNotStartAndTheReportSaysWhy(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> RunningServer.start(ServerContainer.TOMCAT, "--server-profiles.mode=prod",
					"--spring.web.error.include-stacktrace=always", "--spring.h2.console.enabled=true"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("ERROR   SP-102  Error responses can show server internals")
			.contains("ERROR   SP-109  The H2 console is enabled")
			.contains("server-profiles.checks.fail-on=never")
			.doesNotContain("Tomcat started on port");
	}

	@Test
	void aStartingServerLogsItsReport(CapturedOutput output) {
		try (RunningServer server = RunningServer.start(ServerContainer.JETTY, "--server-profiles.mode=prod")) {
			// SP-112 joins in when the build itself runs in a container.
			assertThat(output)
				.containsPattern("server-profiles production checks: \\d findings? in 16 checks \\(fail-on: error\\)")
				.contains("SP-105  Any Host header is accepted");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCheck {

		@Bean
		ProductionCheck auditLogCheck() {
			return new ProductionCheck() {

				@Override
				public String id() {
					return "ACME-1";
				}

				@Override
				public Optional<Finding> evaluate(CheckContext context) {
					return Optional.of(new Finding("ACME-1", Severity.ERROR, "no audit log", "set acme.audit=true"));
				}

			};
		}

	}

}
