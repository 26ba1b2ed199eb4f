package io.serverprofiles.autoconfigure.hosts;

import io.serverprofiles.autoconfigure.dev.DevServerProperties;
import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The dev server's Host check on a separate management port
 * ({@code management.server.port}): the actuator there exposes every endpoint in dev, so
 * it answers only loopback names as the app port does. Filters of the app's context never
 * reach that port's own context. (The prod allow-list stays off there: the platform
 * probes and scrapes that port by IP.)
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@ConditionalOnServerMode(ServerMode.Mode.DEV)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "server-profiles.dev.host-check", matchIfMissing = true)
class DevHostCheckManagementContextConfiguration {

	@Bean
	FilterRegistrationBean<HostAllowListFilter> devHostCheckFilter(DevServerProperties properties,
			Environment environment) {
		return HostAllowListAutoConfiguration.devHostCheck(properties, environment);
	}

}
