package io.serverprofiles.autoconfigure.drain;

import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Drain before graceful shutdown, for the prod server.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@ConditionalOnServerMode(ServerMode.Mode.PROD)
@ConditionalOnWebApplication
@EnableConfigurationProperties(DrainProperties.class)
public final class DrainAutoConfiguration {

	@Bean
	ShutdownClock shutdownClock() {
		return new ShutdownClock();
	}

	@Bean
	DrainOnShutdown drainOnShutdown(ApplicationContext context, DrainProperties properties, ShutdownClock clock) {
		return new DrainOnShutdown(context, properties.effectiveDrainDelay(context.getEnvironment()), clock);
	}

}
