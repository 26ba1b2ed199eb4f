package io.serverprofiles.autoconfigure.accesslog;

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
 * What the access log adds to each kind of application, without starting a server.
 */
class AccessLogAutoConfigurationTests {

	private final AutoConfigurations configurations = AutoConfigurations.of(ServerModeAutoConfiguration.class,
			AccessLogAutoConfiguration.class);

	@Test
	void inBothModesTheFilterTakesItsPlaceAndBothContainersWriteTheLine() {
		for (String mode : new String[] { "prod", "dev" }) {
			new WebApplicationContextRunner().withConfiguration(this.configurations)
				.withPropertyValues("server-profiles.mode=" + mode)
				.run((context) -> {
					FilterRegistrationBean<?> registration = context.getBean("accessLogFilter",
							FilterRegistrationBean.class);
					assertThat(registration.getFilter()).isInstanceOf(AccessLogFilter.class);
					assertThat(registration.getOrder()).isEqualTo(FilterOrder.ACCESS_LOG)
						.isGreaterThan(FilterOrder.TRUSTED_PROXIES);
					assertThat(registration.determineDispatcherTypes()).containsExactly(DispatcherType.REQUEST);
					assertThat(context).hasBean("tomcatAccessLogCustomizer").hasBean("jettyAccessLogCustomizer");
				});
		}
	}

	@Test
	void switchedOffThereIsNoFilterAndNoLine() {
		new WebApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("server-profiles.mode=prod", "server-profiles.access-log.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("accessLogFilter")
				.doesNotHaveBean("tomcatAccessLogCustomizer")
				.doesNotHaveBean("jettyAccessLogCustomizer"));
	}

	@Test
	void withoutAServletApplicationThereIsNoAccessLog() {
		new ApplicationContextRunner().withConfiguration(this.configurations)
			.withPropertyValues("server-profiles.mode=prod")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("accessLogFilter"));
	}

}
