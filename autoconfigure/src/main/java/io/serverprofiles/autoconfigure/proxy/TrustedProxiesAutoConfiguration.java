package io.serverprofiles.autoconfigure.proxy;

import java.util.List;

import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.web.FilterOrder;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Trusted-proxy handling of forwarded headers for the prod server.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@ConditionalOnServerMode(ServerMode.Mode.PROD)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ProdServerProperties.class)
public final class TrustedProxiesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TrustedProxies trustedProxies(ProdServerProperties properties) {
		return parse(properties.getTrustedProxies());
	}

	/**
	 * The ranges, parsed; an entry that is not a range fails startup naming the property.
	 */
	static TrustedProxies parse(List<String> ranges) {
		try {
			return TrustedProxies.of(ranges);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(ProdServerProperties.PREFIX + ".trusted-proxies",
					ranges, ex.getMessage() + ". Use CIDR ranges such as 10.0.0.0/8 or fd00::/8, or single addresses");
		}
	}

	@Bean
	FilterRegistrationBean<TrustedProxiesFilter> trustedProxiesFilter(TrustedProxies trustedProxies) {
		FilterRegistrationBean<TrustedProxiesFilter> registration = new FilterRegistrationBean<>(
				new TrustedProxiesFilter(trustedProxies));
		registration.setOrder(FilterOrder.TRUSTED_PROXIES);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
