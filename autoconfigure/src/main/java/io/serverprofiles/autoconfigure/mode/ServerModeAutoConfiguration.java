package io.serverprofiles.autoconfigure.mode;

import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
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

	/**
	 * A reactive application gets nothing from the starter but the mode and its defaults:
	 * it says so once, instead of failing on servlet classes.
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	InitializingBean reactiveApplicationNotice() {
		return () -> LogFactory.getLog(ServerModeAutoConfiguration.class)
			.warn("server-profiles: this is a reactive application; server-profiles serves servlet applications "
					+ "(Tomcat, Jetty) and adds no dev or prod server features here");
	}

}
