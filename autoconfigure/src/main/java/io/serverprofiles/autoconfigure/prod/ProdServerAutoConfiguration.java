package io.serverprofiles.autoconfigure.prod;

import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The prod server. Its settings reach Tomcat and Jetty through
 * {@link ProdServerDefaults}; this configuration binds and validates them.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@ConditionalOnServerMode(ServerMode.Mode.PROD)
@EnableConfigurationProperties(ProdServerProperties.class)
public final class ProdServerAutoConfiguration {

}
