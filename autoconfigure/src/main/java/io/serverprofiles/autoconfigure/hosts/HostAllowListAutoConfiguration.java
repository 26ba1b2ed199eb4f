package io.serverprofiles.autoconfigure.hosts;

import jakarta.servlet.DispatcherType;

import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.prod.ProdFilterOrder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The Host allow-list of the prod server; registered but switched off while the list is
 * empty.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@ConditionalOnServerMode(ServerMode.Mode.PROD)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HostAllowListProperties.class)
public final class HostAllowListAutoConfiguration {

	static final String ALLOWED_HOSTS = "server-profiles.prod.allowed-hosts";

	@Bean
	FilterRegistrationBean<HostAllowListFilter> hostAllowListFilter(HostAllowListProperties properties,
			Environment environment) {
		HostAllowList allowList = HostAllowList.of(ALLOWED_HOSTS, properties.getAllowedHosts());
		String actuatorBasePath = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		FilterRegistrationBean<HostAllowListFilter> registration = new FilterRegistrationBean<>(
				new HostAllowListFilter(allowList, actuatorBasePath, HostRefusal.prodServer(ALLOWED_HOSTS)));
		registration.setName("hostAllowListFilter");
		registration.setOrder(ProdFilterOrder.HOST_ALLOW_LIST);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setEnabled(!allowList.isEmpty());
		return registration;
	}

}
