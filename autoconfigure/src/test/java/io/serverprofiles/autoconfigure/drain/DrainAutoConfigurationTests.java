package io.serverprofiles.autoconfigure.drain;

import jakarta.servlet.DispatcherType;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.web.FilterOrder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the drain adds to each kind of application, without starting a server.
 */
class DrainAutoConfigurationTests {

	private final AutoConfigurations configurations = AutoConfigurations.of(ServerModeAutoConfiguration.class,
			DrainAutoConfiguration.class);

	@Test
	void whenProdServletThenTheDrainClosesConnectionsFirstOfAllFilters() {
		new WebApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("server-profiles.mode=prod")
			.run((context) -> {
				assertThat(context).hasSingleBean(DrainOnShutdown.class);
				FilterRegistrationBean<?> registration = context.getBean("connectionCloseWhileDrainingFilter",
						FilterRegistrationBean.class);
				assertThat(registration.getFilter()).isSameAs(context.getBean(ConnectionCloseWhileDraining.class));
				assertThat(registration.getOrder()).isEqualTo(FilterOrder.CONNECTION_CLOSE_WHILE_DRAINING)
					.isLessThan(FilterOrder.TRUSTED_PROXIES);
				assertThat(registration.determineDispatcherTypes()).containsExactly(DispatcherType.REQUEST);
			});
	}

	@Test
	void whenDevThenThereIsNoDrain() {
		new WebApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertThat(context).doesNotHaveBean(DrainOnShutdown.class)
				.doesNotHaveBean(ConnectionCloseWhileDraining.class));
	}

}
