package io.serverprofiles.autoconfigure.proxy;

import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.prod.ProdFilterOrder;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Trusted-proxy handling of forwarded headers for the prod server.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@ConditionalOnServerMode(ServerMode.Mode.PROD)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(TrustedProxiesProperties.class)
public final class TrustedProxiesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TrustedProxies trustedProxies(TrustedProxiesProperties properties) {
		return properties.toTrustedProxies();
	}

	@Bean
	FilterRegistrationBean<TrustedProxiesFilter> trustedProxiesFilter(TrustedProxies trustedProxies) {
		FilterRegistrationBean<TrustedProxiesFilter> registration = new FilterRegistrationBean<>(
				new TrustedProxiesFilter(trustedProxies));
		registration.setOrder(ProdFilterOrder.TRUSTED_PROXIES);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
