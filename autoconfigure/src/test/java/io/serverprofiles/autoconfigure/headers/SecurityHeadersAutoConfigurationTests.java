package io.serverprofiles.autoconfigure.headers;

import jakarta.servlet.DispatcherType;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.web.FilterOrder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the security headers filter is there, without starting a server.
 */
class SecurityHeadersAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ServerModeAutoConfiguration.class, SecurityHeadersAutoConfiguration.class));

	@Test
	void whenModeIsProdThenTheFilterRunsInItsOrderOnRequestsAndErrorPages() {
		this.runner.withPropertyValues("server-profiles.mode=prod").run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean("securityHeadersFilter",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(SecurityHeadersFilter.class);
			assertThat(registration.getOrder()).isEqualTo(FilterOrder.SECURITY_HEADERS);
			assertThat(registration.determineDispatcherTypes()).containsExactlyInAnyOrder(DispatcherType.REQUEST,
					DispatcherType.ERROR);
		});
	}

	@Test
	void whenModeIsDevThenThereIsNoFilter() {
		this.runner.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertThat(context).doesNotHaveBean("securityHeadersFilter")
				.doesNotHaveBean(SecurityHeadersProperties.class));
	}

	@Test
	void whenHeadersAreSwitchedOffThenThereIsNoFilter() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "server-profiles.prod.headers.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("securityHeadersFilter"));
	}

	@Test
	void whenTheApplicationIsNotAServletApplicationThenThereIsNoFilter() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ServerModeAutoConfiguration.class, SecurityHeadersAutoConfiguration.class))
			.withPropertyValues("server-profiles.mode=prod")
			.run((context) -> assertThat(context).doesNotHaveBean("securityHeadersFilter"));
	}

}
