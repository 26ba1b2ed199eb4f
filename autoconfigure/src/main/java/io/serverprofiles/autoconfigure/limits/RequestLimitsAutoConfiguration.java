package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.headers.SecurityHeaders;
import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.web.FilterOrder;
import io.serverprofiles.autoconfigure.prod.ProdServerAutoConfiguration;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.server.Server;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The prod server's answers to bad input: filters for methods, path parameters and body
 * sizes and rates, bodies read ahead without a request thread, a resolver for limits
 * Spring MVC detects, the container's own refusals made JSON on Tomcat and Jetty, and a
 * deadline on request headers for both.
 */
@AutoConfiguration(after = ProdServerAutoConfiguration.class)
@ConditionalOnServerMode(ServerMode.Mode.PROD)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "server-profiles.prod.limits.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ RequestLimitsProperties.class, ProdServerProperties.class })
public final class RequestLimitsAutoConfiguration {

	/**
	 * Order of our server customizers: after Boot's own (order 0), so that they refine
	 * Boot's settings rather than race them.
	 */
	static final int CUSTOMIZER_ORDER = 10;

	@Bean
	RefusalLog refusalLog(RequestLimitsProperties properties) {
		return new RefusalLog(new RefusalRate(properties.getRefusalLogRate(), System::nanoTime));
	}

	@Bean
	FilterRegistrationBean<RequestMethodFilter> requestMethodFilter(RequestLimitsProperties properties,
			RefusalLog refusalLog) {
		FilterRegistrationBean<RequestMethodFilter> registration = new FilterRegistrationBean<>(
				new RequestMethodFilter(properties.getAllowedMethods(), refusalLog));
		registration.setOrder(FilterOrder.REQUEST_LIMITS);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ProdServerProperties properties,
			RequestLimitsProperties limits, RefusalLog refusalLog) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(properties.getMaxRequestSize(), properties.getMaxFormSize(),
						bodyRate(limits), new RefusedBody(limits.getMaxDrainSize(), refusalLog)));
		registration.setOrder(FilterOrder.REQUEST_LIMITS);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "server-profiles.prod.limits.allow-path-parameters", havingValue = false,
			matchIfMissing = true)
	FilterRegistrationBean<PathParameterFilter> pathParameterFilter(RefusalLog refusalLog) {
		FilterRegistrationBean<PathParameterFilter> registration = new FilterRegistrationBean<>(
				new PathParameterFilter(refusalLog));
		registration.setOrder(FilterOrder.REQUEST_LIMITS);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	private static BodyRate bodyRate(RequestLimitsProperties limits) {
		return new BodyRate(limits.getMinBodyRate(), limits.getBodyGracePeriod());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DispatcherServlet.class)
	static class SpringMvcConfiguration {

		@Bean
		WebMvcConfigurer bodyReadAheadConfigurer(RequestLimitsProperties limits, RefusalLog refusalLog) {
			BodyReadAheadInterceptor interceptor = new BodyReadAheadInterceptor(
					new ReadAheadBudget(limits.getReadAheadSize()), bodyRate(limits), refusalLog);
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(interceptor).order(Ordered.HIGHEST_PRECEDENCE);
				}

			};
		}

		@Bean
		RequestLimitsExceptionResolver requestLimitsExceptionResolver(RequestLimitsProperties limits,
				RefusalLog refusalLog) {
			return new RequestLimitsExceptionResolver(new RefusedBody(limits.getMaxDrainSize(), refusalLog));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Tomcat.class, TomcatServletWebServerFactory.class })
	static class TomcatConfiguration {

		@Bean
		TomcatJsonErrorReportCustomizer tomcatJsonErrorReportCustomizer(RefusalLog refusalLog,
				ObjectProvider<SecurityHeaders> securityHeaders) {
			return new TomcatJsonErrorReportCustomizer(refusalLog, securityHeaders.getIfAvailable());
		}

		@Bean
		TomcatHeaderReadDeadlineCustomizer tomcatHeaderReadDeadlineCustomizer(ProdServerProperties properties) {
			return new TomcatHeaderReadDeadlineCustomizer(properties.getConnectionTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Server.class, JettyServletWebServerFactory.class })
	static class JettyConfiguration {

		@Bean
		JettyJsonErrorHandlerCustomizer jettyJsonErrorHandlerCustomizer(RefusalLog refusalLog,
				ObjectProvider<SecurityHeaders> securityHeaders) {
			return new JettyJsonErrorHandlerCustomizer(refusalLog, securityHeaders.getIfAvailable());
		}

		@Bean
		JettyHeaderReadDeadlineCustomizer jettyHeaderReadDeadlineCustomizer(ProdServerProperties properties) {
			return new JettyHeaderReadDeadlineCustomizer(properties.getConnectionTimeout());
		}

	}

}
