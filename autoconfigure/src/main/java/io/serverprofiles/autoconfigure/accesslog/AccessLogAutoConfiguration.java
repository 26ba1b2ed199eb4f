package io.serverprofiles.autoconfigure.accesslog;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.web.ProbePaths;
import io.serverprofiles.autoconfigure.web.FilterOrder;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.server.Server;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The access log, for both servers: a readable line in dev, JSON fields in prod (where
 * structured console logging is on). A filter notes the request's id and client; the
 * container writes the line when the response is complete; lines still buffered for the
 * console are written when the context closes, after the server has stopped.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "server-profiles.access-log.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AccessLogProperties.class)
public final class AccessLogAutoConfiguration {

	@Bean
	FilterRegistrationBean<AccessLogFilter> accessLogFilter(Environment environment) {
		FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(
				new AccessLogFilter(ProbePaths.of(environment)));
		registration.setOrder(FilterOrder.ACCESS_LOG);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	AccessLogLine accessLogLine(AccessLogProperties properties, Environment environment) {
		return new AccessLogLine(properties.isIncludeProbes(),
				EcsConsoleAccessLog.ifOnlyEcsConsole(environment, properties.getFlushInterval()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Tomcat.class, TomcatServletWebServerFactory.class })
	static class TomcatConfiguration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatAccessLogCustomizer(AccessLogLine line) {
			return (factory) -> factory.addEngineValves(new TomcatAccessLogValve(line));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Server.class, JettyServletWebServerFactory.class })
	static class JettyConfiguration {

		@Bean
		WebServerFactoryCustomizer<JettyServletWebServerFactory> jettyAccessLogCustomizer(AccessLogLine line) {
			return (factory) -> factory
				.addServerCustomizers((server) -> server.setRequestLog(new JettyAccessLog(line)));
		}

	}

}
