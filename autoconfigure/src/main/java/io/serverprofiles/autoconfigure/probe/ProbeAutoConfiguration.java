package io.serverprofiles.autoconfigure.probe;

import java.time.Clock;
import java.util.List;

import io.serverprofiles.autoconfigure.dev.DevServerProperties;
import io.serverprofiles.autoconfigure.headers.SecurityHeaders;
import io.serverprofiles.autoconfigure.headers.SecurityHeadersProperties;
import io.serverprofiles.autoconfigure.hosts.HostAllowList;
import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import io.serverprofiles.autoconfigure.proxy.TrustedProxies;
import io.serverprofiles.autoconfigure.proxy.TrustedProxiesAutoConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The self-probe's CLI run ({@code --server-profiles.probe=URL}) and the whoami trace:
 * open on the dev server, and on the prod server only to requests signed with
 * {@code server-profiles.probe.secret} (absent without one). Nothing here names a servlet
 * type outside the servlet configurations: a reactive application has no servlet API.
 */
@AutoConfiguration(after = { ServerModeAutoConfiguration.class, TrustedProxiesAutoConfiguration.class })
@EnableConfigurationProperties(ProbeProperties.class)
public final class ProbeAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(ProbeProperties.URL)
	@EnableConfigurationProperties({ ProdServerProperties.class, SecurityHeadersProperties.class })
	static class SelfProbeConfiguration {

		@Bean
		SelfProbeRunner selfProbeRunner(ProbeProperties probe, ProdServerProperties prod,
				SecurityHeadersProperties headers, ServerMode mode, Environment environment,
				ApplicationContext context) {
			return new SelfProbeRunner(new SelfProbe(probe, prod, headers, environment, Clock.systemUTC()), mode,
					probe.getFormat(), System.out, System.err,
					(code) -> System.exit(SpringApplication.exit(context, () -> code)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnServerMode(ServerMode.Mode.PROD)
	@ConditionalOnProperty(ProbeProperties.SECRET)
	@EnableConfigurationProperties({ ProdServerProperties.class, SecurityHeadersProperties.class })
	static class ProdWhoamiConfiguration {

		@Bean
		FilterRegistrationBean<WhoamiFilter> whoamiFilter(ProbeProperties probe, TrustedProxies trustedProxies,
				ProdServerProperties prod, SecurityHeadersProperties headers) {
			String hsts = headers.isEnabled() ? SecurityHeaders.strictTransportSecurity(headers.getHsts()) : null;
			return WhoamiFilter.registration(new WhoamiFilter(trustedProxies,
					HostAllowList.of(ProdServerProperties.ALLOWED_HOSTS, prod.getAllowedHosts()), hsts,
					WhoamiToken.ofConfiguredSecret(probe.getSecret(), Clock.systemUTC())));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnServerMode(ServerMode.Mode.DEV)
	@EnableConfigurationProperties(DevServerProperties.class)
	static class DevWhoamiConfiguration {

		@Bean
		FilterRegistrationBean<WhoamiFilter> whoamiFilter(DevServerProperties dev) {
			return WhoamiFilter.registration(new WhoamiFilter(TrustedProxies.of(List.of()),
					HostAllowList.loopbackAnd(DevServerProperties.ALLOWED_HOSTS, dev.getAllowedHosts()), null, null));
		}

	}

}
