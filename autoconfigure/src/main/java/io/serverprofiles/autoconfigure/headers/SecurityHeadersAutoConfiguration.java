package io.serverprofiles.autoconfigure.headers;

import jakarta.servlet.DispatcherType;

import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.web.FilterOrder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Security headers on every response of the prod server, error pages included.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@ConditionalOnServerMode(ServerMode.Mode.PROD)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "server-profiles.prod.headers.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SecurityHeadersProperties.class)
public final class SecurityHeadersAutoConfiguration {

	@Bean
	SecurityHeaders securityHeaders(SecurityHeadersProperties properties) {
		return SecurityHeaders.of(properties);
	}

	@Bean
	FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(SecurityHeaders headers) {
		FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
				new SecurityHeadersFilter(headers));
		registration.setName("securityHeadersFilter");
		registration.setOrder(FilterOrder.SECURITY_HEADERS);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

}
