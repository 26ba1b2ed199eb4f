package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.web.FilterOrder;
import io.serverprofiles.autoconfigure.prod.ProdServerAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which limits beans each mode and classpath contributes, without starting a server.
 */
class RequestLimitsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServerModeAutoConfiguration.class, ProdServerAutoConfiguration.class,
				RequestLimitsAutoConfiguration.class));

	@Test
	void whenModeIsProdThenFiltersResolverAndBothContainersCustomizersArePresent() {
		this.runner.withPropertyValues("server-profiles.mode=prod")
			.run((context) -> assertThat(context).hasBean("requestMethodFilter")
				.hasBean("requestBodyLimitFilter")
				.hasBean("pathParameterFilter")
				.hasBean("bodyReadAheadConfigurer")
				.hasSingleBean(RequestLimitsExceptionResolver.class)
				.hasSingleBean(TomcatJsonErrorReportCustomizer.class)
				.hasSingleBean(TomcatHeaderReadDeadlineCustomizer.class)
				.hasSingleBean(JettyJsonErrorHandlerCustomizer.class)
				.hasSingleBean(JettyHeaderReadDeadlineCustomizer.class));
	}

	@Test
	void whenModeIsDevThenNothingIsPresent() {
		this.runner.withPropertyValues("server-profiles.mode=dev")
			.run((context) -> assertThat(context).doesNotHaveBean(RequestLimitsProperties.class)
				.doesNotHaveBean("requestMethodFilter")
				.doesNotHaveBean(TomcatJsonErrorReportCustomizer.class));
	}

	@Test
	void whenPathParametersAreAllowedThenThePathParameterFilterIsAbsent() {
		this.runner
			.withPropertyValues("server-profiles.mode=prod", "server-profiles.prod.limits.allow-path-parameters=true")
			.run((context) -> assertThat(context).hasBean("requestMethodFilter")
				.doesNotHaveBean("pathParameterFilter"));
	}

	@Test
	void whenLimitsAreDisabledThenNothingIsPresent() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "server-profiles.prod.limits.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("requestBodyLimitFilter")
				.doesNotHaveBean("bodyReadAheadConfigurer")
				.doesNotHaveBean(JettyJsonErrorHandlerCustomizer.class));
	}

	@Test
	void whenOnlyJettyIsOnTheClasspathThenOnlyTheJettyCustomizerIsPresent() {
		this.runner.withPropertyValues("server-profiles.mode=prod")
			.withClassLoader(new FilteredClassLoader("org.apache.catalina"))
			.run((context) -> assertThat(context).hasSingleBean(JettyJsonErrorHandlerCustomizer.class)
				.hasSingleBean(JettyHeaderReadDeadlineCustomizer.class)
				.doesNotHaveBean(TomcatJsonErrorReportCustomizer.class)
				.doesNotHaveBean(TomcatHeaderReadDeadlineCustomizer.class));
	}

	@Test
	void whenOnlyTomcatIsOnTheClasspathThenOnlyTheTomcatCustomizerIsPresent() {
		this.runner.withPropertyValues("server-profiles.mode=prod")
			.withClassLoader(new FilteredClassLoader("org.eclipse.jetty"))
			.run((context) -> assertThat(context).hasSingleBean(TomcatJsonErrorReportCustomizer.class)
				.hasSingleBean(TomcatHeaderReadDeadlineCustomizer.class)
				.doesNotHaveBean(JettyJsonErrorHandlerCustomizer.class)
				.doesNotHaveBean(JettyHeaderReadDeadlineCustomizer.class));
	}

	@Test
	void filtersRunInTheRequestLimitsSlotOfTheFilterOrder() {
		this.runner.withPropertyValues("server-profiles.mode=prod")
			.run((context) -> assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
				.extracting(FilterRegistrationBean::getOrder)
				.containsOnly(FilterOrder.REQUEST_LIMITS));
	}

	@Test
	void allowedMethodsAreBoundFromACommaSeparatedList() {
		this.runner
			.withPropertyValues("server-profiles.mode=prod", "server-profiles.prod.limits.allowed-methods=GET,PROPFIND")
			.run((context) -> assertThat(context.getBean(RequestLimitsProperties.class).getAllowedMethods())
				.containsExactly("GET", "PROPFIND"));
	}

}
