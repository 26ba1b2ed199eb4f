package io.serverprofiles.autoconfigure.probe;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.proxy.TrustedProxiesAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the whoami trace is there (dev always, prod only with a secret) and when the
 * probe's CLI run is.
 */
class ProbeAutoConfigurationTests {

	private static final String SECRET = "server-profiles.probe.secret=0123456789abcdef0123456789abcdef";

	private final WebApplicationContextRunner web = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServerModeAutoConfiguration.class,
				TrustedProxiesAutoConfiguration.class, ProbeAutoConfiguration.class));

	private final ApplicationContextRunner cli = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServerModeAutoConfiguration.class, ProbeAutoConfiguration.class));

	@Test
	void inProdWithoutASecretThereIsNoWhoamiTrace() {
		this.web.withPropertyValues("server-profiles.mode=prod")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("whoamiFilter"));
	}

	@Test
	void inProdWithASecretTheTraceAnswersSignedRequests() {
		this.web.withPropertyValues("server-profiles.mode=prod", SECRET)
			.run((context) -> assertThat(context).getBean("whoamiFilter", FilterRegistrationBean.class)
				.satisfies((registration) -> assertThat(registration.getFilter()).isInstanceOf(WhoamiFilter.class)));
	}

	@Test
	void aShortSecretStopsStartupNamingTheKey() {
		this.web.withPropertyValues("server-profiles.mode=prod", "server-profiles.probe.secret=short")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("server-profiles.probe.secret")
				.hasMessageContaining("shorter than 32"));
	}

	@Test
	void inDevTheTraceIsOpen() {
		this.web.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertThat(context).hasBean("whoamiFilter"));
	}

	@Test
	void withoutAUrlThereIsNoProbeRun() {
		this.cli.withPropertyValues("server-profiles.mode=prod")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SelfProbeRunner.class));
	}

	@Test
	void aUrlMakesTheRunAProbe() {
		this.cli.withPropertyValues("server-profiles.mode=prod", "server-profiles.probe.url=https://shop.example.com")
			.run((context) -> assertThat(context).hasSingleBean(SelfProbeRunner.class));
	}

}
