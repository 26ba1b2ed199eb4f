package io.serverprofiles.autoconfigure.hosts;

import jakarta.servlet.DispatcherType;

import io.serverprofiles.autoconfigure.dev.DevServerProperties;
import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.web.ProbePaths;
import io.serverprofiles.autoconfigure.web.FilterOrder;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Host check of both servers: the prod server's allow-list, registered but switched
 * off while the list is empty, and the dev server's answer to DNS rebinding, which serves
 * loopback names and the hosts the user allows for dev.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class HostAllowListAutoConfiguration {

	private static FilterRegistrationBean<HostAllowListFilter> registration(String name, HostAllowList allowList,
			HostRefusal refusal, Environment environment) {
		FilterRegistrationBean<HostAllowListFilter> registration = new FilterRegistrationBean<>(
				new HostAllowListFilter(allowList, ProbePaths.of(environment), refusal));
		registration.setName(name);
		registration.setOrder(FilterOrder.HOST_ALLOW_LIST);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * The dev server's Host check, on the app port and on a separate management port.
	 */
	static FilterRegistrationBean<HostAllowListFilter> devHostCheck(DevServerProperties properties,
			Environment environment) {
		return registration("devHostCheckFilter",
				HostAllowList.loopbackAnd(DevServerProperties.ALLOWED_HOSTS, properties.getAllowedHosts()),
				HostRefusal.devServer(DevServerProperties.ALLOWED_HOSTS), environment);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnServerMode(ServerMode.Mode.PROD)
	@EnableConfigurationProperties(ProdServerProperties.class)
	static class ProdServerConfiguration {

		@Bean
		FilterRegistrationBean<HostAllowListFilter> hostAllowListFilter(ProdServerProperties properties,
				Environment environment) {
			HostAllowList allowList = HostAllowList.of(ProdServerProperties.ALLOWED_HOSTS,
					properties.getAllowedHosts());
			FilterRegistrationBean<HostAllowListFilter> registration = registration("hostAllowListFilter", allowList,
					HostRefusal.prodServer(ProdServerProperties.ALLOWED_HOSTS), environment);
			registration.setEnabled(!allowList.isEmpty());
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnServerMode(ServerMode.Mode.DEV)
	@ConditionalOnBooleanProperty(name = "server-profiles.dev.host-check", matchIfMissing = true)
	@EnableConfigurationProperties(DevServerProperties.class)
	static class DevServerConfiguration {

		@Bean
		FilterRegistrationBean<HostAllowListFilter> devHostCheckFilter(DevServerProperties properties,
				Environment environment) {
			return devHostCheck(properties, environment);
		}

	}

}
