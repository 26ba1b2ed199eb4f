package io.serverprofiles.autoconfigure.dev;

import jakarta.servlet.DispatcherType;

import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.web.FilterOrder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.devtools.autoconfigure.DevToolsProperties;
import org.springframework.boot.devtools.autoconfigure.LocalDevToolsAutoConfiguration;
import org.springframework.boot.devtools.classpath.ClassPathChangedEvent;
import org.springframework.boot.devtools.classpath.ClassPathRestartStrategy;
import org.springframework.boot.devtools.classpath.PatternClassPathRestartStrategy;
import org.springframework.boot.devtools.filewatch.FileSystemWatcherFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The dev server. Its settings are {@link DevServerDefaults}; this configuration adds the
 * startup report, a restart decision that waits out a build and swaps an edited request
 * handler into the running app without a restart, and pages that reload themselves after
 * either.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class,
		beforeName = "org.springframework.boot.devtools.autoconfigure.LocalDevToolsAutoConfiguration")
@ConditionalOnServerMode(ServerMode.Mode.DEV)
@EnableConfigurationProperties(DevServerProperties.class)
public final class DevServerAutoConfiguration {

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBooleanProperty(name = "server-profiles.dev.startup-report", matchIfMissing = true)
	DevServerStartupReport devServerStartupReport(DevServerProperties properties) {
		return new DevServerStartupReport(properties);
	}

	/**
	 * Pages that reload themselves when the app restarts or a change goes in without a
	 * restart.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBooleanProperty(name = "server-profiles.dev.browser-reload", matchIfMissing = true)
	static class BrowserReloadConfiguration {

		@Bean
		BrowserReloadEvents browserReloadEvents() {
			return new BrowserReloadEvents();
		}

		@Bean
		FilterRegistrationBean<BrowserReloadFilter> browserReloadFilter(BrowserReloadEvents events) {
			FilterRegistrationBean<BrowserReloadFilter> registration = new FilterRegistrationBean<>(
					new BrowserReloadFilter(events));
			registration.setOrder(FilterOrder.BROWSER_RELOAD);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
			return registration;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(ClassPathChangedEvent.class)
		static class ClassPathChangeConfiguration {

			@Bean
			ReloadPagesWithoutRestart reloadPagesWithoutRestart(BrowserReloadEvents events) {
				return new ReloadPagesWithoutRestart(events);
			}

		}

	}

	/**
	 * Devtools' restart strategy, replaced before devtools' own configuration declares
	 * it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LocalDevToolsAutoConfiguration.class)
	@ConditionalOnBooleanProperty(name = "spring.devtools.restart.enabled", matchIfMissing = true)
	@EnableConfigurationProperties(DevToolsProperties.class)
	static class RestartConfiguration {

		@Bean
		@ConditionalOnBooleanProperty(name = "server-profiles.dev.hot-swap", matchIfMissing = true)
		HotSwap hotSwap(ApplicationContext context) {
			return new HotSwap(context.getClassLoader());
		}

		/**
		 * Devtools declares its watcher factory unconditionally, so this one is primary.
		 */
		@Bean
		@Primary
		FileSystemWatcherFactory fileEventWatcherFactory(DevToolsProperties devTools) {
			return new FileEventWatcherFactory(devTools.getRestart(), FileEventWatcher.eventsAreNative());
		}

		@Bean
		@ConditionalOnMissingBean
		ClassPathRestartStrategy classPathRestartStrategy(DevToolsProperties devTools,
				ObjectProvider<HotSwap> hotSwap) {
			HotSwap swap = hotSwap.getIfAvailable();
			return new BuildAwareRestartStrategy(
					new PatternClassPathRestartStrategy(devTools.getRestart().getAllExclude()),
					(swap != null) ? swap::swapped : (file) -> false);
		}

	}

}
