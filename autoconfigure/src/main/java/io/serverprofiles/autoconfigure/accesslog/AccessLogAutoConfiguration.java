package io.serverprofiles.autoconfigure.accesslog;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.prod.ProbePaths;
import io.serverprofiles.autoconfigure.prod.ProdFilterOrder;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The access log, for both servers: a readable line in dev, JSON fields in prod (where
 * structured console logging is on).
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "server-profiles.access-log.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AccessLogProperties.class)
public final class AccessLogAutoConfiguration {

	@Bean
	FilterRegistrationBean<AccessLogFilter> accessLogFilter(AccessLogProperties properties, Environment environment) {
		FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(
				new AccessLogFilter(properties.isIncludeProbes(), ProbePaths.of(environment)));
		registration.setOrder(ProdFilterOrder.ACCESS_LOG);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

}
