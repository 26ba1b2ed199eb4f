package io.serverprofiles.autoconfigure.dev;

import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The dev server. Its settings are {@link DevServerDefaults}; this configuration adds the
 * startup report.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@ConditionalOnServerMode(ServerMode.Mode.DEV)
@EnableConfigurationProperties(DevServerProperties.class)
public final class DevServerAutoConfiguration {

	@Bean
	@ConditionalOnWebApplication
	@ConditionalOnBooleanProperty(name = "server-profiles.dev.startup-report", matchIfMissing = true)
	DevServerStartupReport devServerStartupReport() {
		return new DevServerStartupReport();
	}

}
