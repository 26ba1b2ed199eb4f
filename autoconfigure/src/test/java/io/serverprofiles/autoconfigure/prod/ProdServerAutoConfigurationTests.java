package io.serverprofiles.autoconfigure.prod;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod server's settings are bound once, in prod only, and a wrong value fails
 * startup naming its key.
 */
class ProdServerAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServerModeAutoConfiguration.class, ProdServerAutoConfiguration.class));

	@Test
	void inProdTheSettingsAreOneBoundBean() {
		this.runner
			.withPropertyValues("server-profiles.mode=prod", "server-profiles.prod.allowed-hosts=shop.example.com",
					"server-profiles.prod.drain-delay=3s")
			.run((context) -> {
				ProdServerProperties properties = context.getBean(ProdServerProperties.class);
				assertThat(properties.getAllowedHosts()).containsExactly("shop.example.com");
				assertThat(properties.getDrainDelay()).hasSeconds(3);
			});
	}

	@Test
	void inDevThereAreNoProdSettings() {
		this.runner.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertThat(context).doesNotHaveBean(ProdServerProperties.class));
	}

	@Test
	void aWrongValueFailsStartupNamingTheKey() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "server-profiles.prod.shutdown-timeout=soon")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("server-profiles.prod.shutdown-timeout")
				.hasStackTraceContaining("soon"));
	}

}
