package io.serverprofiles.autoconfigure.hosts;

import jakarta.servlet.DispatcherType;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.prod.ProdFilterOrder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the Host allow-list filter is there and on, without starting a server.
 */
class HostAllowListAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ServerModeAutoConfiguration.class, HostAllowListAutoConfiguration.class));

	@Test
	void whenHostsAreListedThenTheFilterIsOnInItsOrder() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "server-profiles.prod.allowed-hosts=app.example")
			.run((context) -> {
				FilterRegistrationBean<?> registration = registration(context.getBean("hostAllowListFilter"));
				assertThat(registration.isEnabled()).isTrue();
				assertThat(registration.getOrder()).isEqualTo(ProdFilterOrder.HOST_ALLOW_LIST);
				assertThat(registration.determineDispatcherTypes()).containsExactly(DispatcherType.REQUEST);
			});
	}

	@Test
	void whenTheListIsEmptyThenTheFilterIsOff() {
		this.runner.withPropertyValues("server-profiles.mode=prod")
			.run((context) -> assertThat(registration(context.getBean("hostAllowListFilter")).isEnabled()).isFalse());
	}

	@Test
	void whenModeIsDevThenThereIsNoFilter() {
		this.runner.withPropertyValues("server-profiles.mode=dev", "server-profiles.prod.allowed-hosts=app.example")
			.run((context) -> assertThat(context).doesNotHaveBean("hostAllowListFilter"));
	}

	@Test
	void whenAnEntryIsInvalidThenStartupFailsNamingThePropertyAndTheFix() {
		this.runner
			.withPropertyValues("server-profiles.mode=prod",
					"server-profiles.prod.allowed-hosts=app.example,https://app.example")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new HostAllowListFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Invalid entry 'https://app.example' in "
						+ "server-profiles.prod.allowed-hosts: write the host only, without a scheme or a path.");
				assertThat(analysis.getAction())
					.startsWith("Fix or remove that entry of server-profiles.prod.allowed-hosts")
					.contains(".example.com allows example.com and all its subdomains");
			});
	}

	private static FilterRegistrationBean<?> registration(Object bean) {
		return (FilterRegistrationBean<?>) bean;
	}

}
