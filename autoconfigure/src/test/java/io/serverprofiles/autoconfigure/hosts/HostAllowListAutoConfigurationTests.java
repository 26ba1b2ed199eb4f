package io.serverprofiles.autoconfigure.hosts;

import jakarta.servlet.DispatcherType;

import io.serverprofiles.autoconfigure.dev.DevServerProperties;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.web.FilterOrder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the prod Host allow-list and the dev loopback check are there and on, without
 * starting a server.
 */
class HostAllowListAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ServerModeAutoConfiguration.class, HostAllowListAutoConfiguration.class));

	@Test
	void whenHostsAreListedThenTheFilterIsOnInItsOrder() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "server-profiles.prod.allowed-hosts=app.example")
			.run((context) -> assertOnInTheAllowListsOrder(context.getBean("hostAllowListFilter")));
	}

	@Test
	void whenTheListIsEmptyThenTheFilterIsOff() {
		this.runner.withPropertyValues("server-profiles.mode=prod")
			.run((context) -> assertThat(registration(context.getBean("hostAllowListFilter")).isEnabled()).isFalse());
	}

	@Test
	void whenModeIsDevThenTheProdListIsNotApplied() {
		this.runner.withPropertyValues("server-profiles.mode=dev", "server-profiles.prod.allowed-hosts=app.example")
			.run((context) -> assertThat(context).doesNotHaveBean("hostAllowListFilter"));
	}

	@Test
	void whenModeIsDevThenTheLoopbackCheckIsOnInTheAllowListsOrder() {
		this.runner.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertOnInTheAllowListsOrder(context.getBean("devHostCheckFilter")));
	}

	@Test
	void whenModeIsProdThenThereIsNoDevCheck() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "server-profiles.dev.allowed-hosts=laptop.lan")
			.run((context) -> assertThat(context).hasBean("hostAllowListFilter")
				.doesNotHaveBean("devHostCheckFilter")
				.doesNotHaveBean(DevServerProperties.class));
	}

	@Test
	void whenTheDevCheckIsSwitchedOffThenThereIsNoFilter() {
		this.runner.withPropertyValues("server-profiles.mode=dev", "server-profiles.dev.host-check=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("devHostCheckFilter"));
	}

	@Test
	void whenADevEntryIsInvalidThenStartupFailsNamingTheDevProperty() {
		this.runner.withPropertyValues("server-profiles.mode=dev", "server-profiles.dev.allowed-hosts=laptop.lan:8080")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new HostAllowListFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Invalid entry 'laptop.lan:8080' in "
						+ "server-profiles.dev.allowed-hosts: write the host without a port (an IPv6 address is "
						+ "written ::1 or [::1]).");
				assertThat(analysis.getAction())
					.startsWith("Fix or remove that entry of server-profiles.dev.allowed-hosts.");
			});
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

	private static void assertOnInTheAllowListsOrder(Object bean) {
		FilterRegistrationBean<?> registration = registration(bean);
		assertThat(registration.isEnabled()).isTrue();
		assertThat(registration.getOrder()).isEqualTo(FilterOrder.HOST_ALLOW_LIST);
		assertThat(registration.determineDispatcherTypes()).containsExactly(DispatcherType.REQUEST);
	}

	private static FilterRegistrationBean<?> registration(Object bean) {
		return (FilterRegistrationBean<?>) bean;
	}

}
