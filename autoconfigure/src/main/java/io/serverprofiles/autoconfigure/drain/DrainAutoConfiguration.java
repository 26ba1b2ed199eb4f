package io.serverprofiles.autoconfigure.drain;

import jakarta.servlet.DispatcherType;

import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.web.FilterOrder;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Drain before graceful shutdown, for the prod server.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@ConditionalOnServerMode(ServerMode.Mode.PROD)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ProdServerProperties.class)
public final class DrainAutoConfiguration {

	@Bean
	ShutdownClock shutdownClock() {
		return new ShutdownClock();
	}

	@Bean
	ConnectionCloseWhileDraining connectionCloseWhileDraining() {
		return new ConnectionCloseWhileDraining();
	}

	/**
	 * The same filter instance as the listener bean above, so Boot registers it once,
	 * first of all: even a request another filter refuses closes its connection.
	 */
	@Bean
	FilterRegistrationBean<ConnectionCloseWhileDraining> connectionCloseWhileDrainingFilter(
			ConnectionCloseWhileDraining filter) {
		FilterRegistrationBean<ConnectionCloseWhileDraining> registration = new FilterRegistrationBean<>(filter);
		registration.setName("connectionCloseWhileDraining");
		registration.setOrder(FilterOrder.CONNECTION_CLOSE_WHILE_DRAINING);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	DrainOnShutdown drainOnShutdown(ApplicationContext context, ProdServerProperties properties, ShutdownClock clock) {
		return new DrainOnShutdown(context, properties.effectiveDrainDelay(context.getEnvironment()), clock);
	}

}
