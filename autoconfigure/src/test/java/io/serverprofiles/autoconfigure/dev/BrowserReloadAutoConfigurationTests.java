package io.serverprofiles.autoconfigure.dev;

import jakarta.servlet.DispatcherType;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.web.FilterOrder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.devtools.classpath.ClassPathChangedEvent;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the dev server's pages reload themselves, without starting a server.
 */
class BrowserReloadAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServerModeAutoConfiguration.class, DevServerAutoConfiguration.class));

	@Test
	void whenModeIsDevThenPagesGetTheScriptAfterTheHostCheck() {
		this.runner.withPropertyValues("server-profiles.mode=dev").run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean("browserReloadFilter",
					FilterRegistrationBean.class);
			assertThat(registration.getFilter()).isInstanceOf(BrowserReloadFilter.class);
			assertThat(registration.getOrder()).isEqualTo(FilterOrder.BROWSER_RELOAD)
				.isGreaterThan(FilterOrder.HOST_ALLOW_LIST)
				.isLessThan(-100);
			assertThat(registration.determineDispatcherTypes()).containsExactlyInAnyOrder(DispatcherType.REQUEST,
					DispatcherType.ERROR);
			assertThat(context).hasSingleBean(BrowserReloadEvents.class).hasSingleBean(ReloadPagesWithoutRestart.class);
		});
	}

	@Test
	void whenBrowserReloadIsOffThenThereIsNone() {
		this.runner.withPropertyValues("server-profiles.mode=dev", "server-profiles.dev.browser-reload=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("browserReloadFilter")
				.doesNotHaveBean(BrowserReloadEvents.class)
				.doesNotHaveBean(ReloadPagesWithoutRestart.class));
	}

	@Test
	void whenModeIsProdThenThereIsNone() {
		this.runner.withPropertyValues("server-profiles.mode=prod")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("browserReloadFilter")
				.doesNotHaveBean(BrowserReloadEvents.class));
	}

	@Test
	void withoutDevtoolsPagesStillReloadAfterARestart() {
		this.runner.withPropertyValues("server-profiles.mode=dev")
			.withClassLoader(new FilteredClassLoader(ClassPathChangedEvent.class))
			.run((context) -> assertThat(context).hasBean("browserReloadFilter")
				.doesNotHaveBean(ReloadPagesWithoutRestart.class));
	}

	@Test
	void whenTheAppIsNotAServletAppThenThereIsNone() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ServerModeAutoConfiguration.class, DevServerAutoConfiguration.class))
			.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BrowserReloadEvents.class));
	}

}
