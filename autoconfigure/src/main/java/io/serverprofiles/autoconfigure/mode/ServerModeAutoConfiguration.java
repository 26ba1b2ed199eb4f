package io.serverprofiles.autoconfigure.mode;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Exposes the decided {@link ServerMode} as a bean for later features and user code.
 */
@AutoConfiguration
@EnableConfigurationProperties(ServerProfilesProperties.class)
public final class ServerModeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServerMode serverMode(Environment environment) {
		return ServerModeDecision.of(environment);
	}

}
