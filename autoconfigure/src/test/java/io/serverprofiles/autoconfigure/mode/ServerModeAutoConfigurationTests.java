package io.serverprofiles.autoconfigure.mode;

import io.serverprofiles.autoconfigure.dev.DevServerAutoConfiguration;
import io.serverprofiles.autoconfigure.prod.ProdServerAutoConfiguration;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which beans each mode contributes, without starting a server.
 */
class ServerModeAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServerModeAutoConfiguration.class, DevServerAutoConfiguration.class,
				ProdServerAutoConfiguration.class));

	@Test
	void whenNothingIsSetThenTheServerModeBeanIsProd() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ServerMode.class);
			assertThat(context.getBean(ServerMode.class).isProd()).isTrue();
		});
	}

	@Test
	void whenModeIsProdThenProdPropertiesAreBoundAndDevBeansAbsent() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "server-profiles.prod.shutdown-timeout=12s")
			.run((context) -> {
				assertThat(context).hasSingleBean(ProdServerProperties.class).doesNotHaveBean("devServerStartupReport");
				assertThat(context.getBean(ProdServerProperties.class).getShutdownTimeout()).hasSeconds(12);
			});
	}

	@Test
	void whenModeIsDevThenTheStartupReportIsThereAndProdPropertiesAbsent() {
		this.runner.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertThat(context).hasBean("devServerStartupReport")
				.doesNotHaveBean(ProdServerProperties.class));
	}

	@Test
	void whenStartupReportIsOffThenItIsAbsent() {
		this.runner.withPropertyValues("server-profiles.mode=dev", "server-profiles.dev.startup-report=false")
			.run((context) -> assertThat(context).doesNotHaveBean("devServerStartupReport"));
	}

	@Test
	void whenADevProfileIsActiveThenModeIsDev() {
		this.runner.withPropertyValues("spring.profiles.active=local")
			.run((context) -> assertThat(context.getBean(ServerMode.class).getReason())
				.isEqualTo("active profile 'local'"));
	}

	@Test
	void whenTheUserDefinesAServerModeThenItIsUsed() {
		this.runner.withUserConfiguration(OwnServerMode.class)
			.run((context) -> assertThat(context.getBean(ServerMode.class).getReason()).isEqualTo("mine"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnServerMode {

		@Bean
		ServerMode serverMode() {
			return new ServerMode(ServerMode.Mode.DEV, ServerMode.Signal.PROPERTY, "mine");
		}

	}

}
