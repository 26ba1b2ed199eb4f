package io.serverprofiles.autoconfigure.proxy;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * When the trusted-proxy filter is there, and what a bad range does at startup.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrustedProxiesAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ServerModeAutoConfiguration.class, TrustedProxiesAutoConfiguration.class));

	@Test
	void inProdModeTheFilterIsRegisteredFirst() {
		this.runner.withPropertyValues("server-profiles.mode=prod").run((context) -> {
			assertThat(context).hasSingleBean(TrustedProxies.class);
			assertThat(context.getBean(FilterRegistrationBean.class).getOrder())
				.isLessThan(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20);
		});
	}

	@Test
	void inDevModeForwardedHeadersAreNotHandled() {
		this.runner.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertThat(context).doesNotHaveBean(TrustedProxies.class)
				.doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void theDevServerIgnoresForwardedHeaders() {
		try (RunningServer server = RunningServer.start(ServerContainer.TOMCAT, "--server-profiles.mode=dev")) {
			assertThat(
					RawHttp.to(server.port()).from("127.0.0.1").get("/whoami", "X-Forwarded-For: 203.0.113.7").body())
				.contains("\"remoteAddr\":\"127.0.0.1\"");
		}
	}

	@Test
	void aRangeWithALeadingZeroStopsStartupNamingTheProperty() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "server-profiles.prod.trusted-proxies=010.0.0.0/8")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("server-profiles.prod.trusted-proxies")
				.hasMessageContaining(
						"'010.0.0.0/8' is not an IP address or CIDR range (a number with a leading zero"));
	}

	@Test
	void anInvalidRangeStopsStartupNamingThePropertyAndTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> RunningServer.start(ServerContainer.TOMCAT,
				"--server-profiles.mode=prod", "--server-profiles.prod.trusted-proxies=10.0.0.0/8,proxy.internal"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("server-profiles.prod.trusted-proxies")
			.contains("'proxy.internal' is not an IP address or CIDR range")
			.contains("Use CIDR ranges such as 10.0.0.0/8");
	}

}
