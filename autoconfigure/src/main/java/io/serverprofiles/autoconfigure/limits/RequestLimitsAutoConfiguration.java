package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.prod.ProdFilterOrder;
import io.serverprofiles.autoconfigure.prod.ProdServerAutoConfiguration;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The prod server's answers to bad input: filters for methods and body sizes, and a
 * resolver for limits Spring MVC detects.
 */
@AutoConfiguration(after = ProdServerAutoConfiguration.class)
@ConditionalOnServerMode(ServerMode.Mode.PROD)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "server-profiles.prod.limits.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ RequestLimitsProperties.class, ProdServerProperties.class })
public final class RequestLimitsAutoConfiguration {

	@Bean
	FilterRegistrationBean<RequestMethodFilter> requestMethodFilter(RequestLimitsProperties properties) {
		FilterRegistrationBean<RequestMethodFilter> registration = new FilterRegistrationBean<>(
				new RequestMethodFilter(properties.getAllowedMethods()));
		registration.setOrder(ProdFilterOrder.REQUEST_LIMITS);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ProdServerProperties properties) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(properties.getMaxRequestSize(), properties.getMaxFormSize()));
		registration.setOrder(ProdFilterOrder.REQUEST_LIMITS);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DispatcherServlet.class)
	static class SpringMvcConfiguration {

		@Bean
		RequestLimitsExceptionResolver requestLimitsExceptionResolver() {
			return new RequestLimitsExceptionResolver();
		}

	}

}
