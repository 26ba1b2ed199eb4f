package io.serverprofiles.autoconfigure.deploy;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exporter exists only when an export is asked for, and a bundle that could not serve
 * its own name fails before anything is written.
 */
class DeployExportAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ServerModeAutoConfiguration.class, DeployExportAutoConfiguration.class));

	@Test
	void withoutAnExportThereIsNoExporter() {
		this.runner.withPropertyValues("server-profiles.mode=prod")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DeployBundleExporter.class));
	}

	@Test
	void anExportGetsTheExporter() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "server-profiles.deploy.export=target/unused")
			.run((context) -> assertThat(context).hasSingleBean(DeployBundleExporter.class));
	}

	@Test
	void aServerNameTheAppRefusesFailsWhenStrict() {
		this.runner
			.withPropertyValues("server-profiles.mode=prod", "server-profiles.deploy.export=target/unused",
					"server-profiles.deploy.server-name=www.example.com", "server-profiles.deploy.strict=true",
					"server-profiles.prod.allowed-hosts=shop.example.com")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("server-profiles.deploy.server-name")
				.hasStackTraceContaining("server-profiles.prod.allowed-hosts"));
	}

	@Test
	void aPortTheBundleCannotUseFailsNamingIt() {
		this.runner
			.withPropertyValues("server-profiles.mode=prod", "server-profiles.deploy.export=target/unused",
					"server.port=0")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("server.port"));
	}

}
