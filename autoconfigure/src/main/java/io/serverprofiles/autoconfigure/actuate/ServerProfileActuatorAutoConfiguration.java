package io.serverprofiles.autoconfigure.actuate;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.serverprofiles.autoconfigure.checks.ProductionChecks;
import io.serverprofiles.autoconfigure.checks.ProductionChecksAutoConfiguration;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The serverprofile endpoint, the mode in info and as a metric, when actuator is present.
 */
@AutoConfiguration(after = { ServerModeAutoConfiguration.class, ProductionChecksAutoConfiguration.class })
@ConditionalOnClass(Endpoint.class)
public final class ServerProfileActuatorAutoConfiguration {

	@Bean
	@ConditionalOnAvailableEndpoint
	ServerProfileEndpoint serverProfileEndpoint(ServerMode mode, ApplicationContext context,
			ObjectProvider<ProductionChecks> checks) {
		return new ServerProfileEndpoint(mode, context, checks);
	}

	@Bean
	ServerModeInfoContributor serverModeInfoContributor(ServerMode mode) {
		return new ServerModeInfoContributor(mode);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		ServerModeMetrics serverModeMetrics(ServerMode mode) {
			return new ServerModeMetrics(mode);
		}

	}

}
