package io.serverprofiles.autoconfigure.actuate;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter adds to the actuator, without starting a server.
 */
class ServerProfileActuatorAutoConfigurationTests {

	// Exposed as the dev defaults expose it; this runner adds no mode defaults.
	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ServerModeAutoConfiguration.class, ServerProfileActuatorAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=serverprofile");

	@Test
	void inBothModesTheEndpointInfoAndMetricAreThere() {
		for (String mode : new String[] { "prod", "dev" }) {
			this.runner.withPropertyValues("server-profiles.mode=" + mode)
				.run((context) -> assertThat(context).hasSingleBean(ServerProfileEndpoint.class)
					.hasSingleBean(ServerModeInfoContributor.class)
					.hasSingleBean(ServerModeMetrics.class));
		}
	}

	@Test
	void notExposedTheEndpointIsNotThere() {
		this.runner.withPropertyValues("server-profiles.mode=prod", "management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(ServerProfileEndpoint.class));
	}

	@Test
	void withoutMicrometerThereIsNoMetric() {
		this.runner.withPropertyValues("server-profiles.mode=prod")
			.withClassLoader(new FilteredClassLoader("io.micrometer.core.instrument.binder"))
			.run((context) -> assertThat(context).hasSingleBean(ServerProfileEndpoint.class)
				.doesNotHaveBean(ServerModeMetrics.class));
	}

	@Test
	void withoutTheActuatorNothingIsAdded() {
		this.runner.withPropertyValues("server-profiles.mode=prod")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.endpoint.annotation"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ServerProfileEndpoint.class)
				.doesNotHaveBean(ServerModeInfoContributor.class));
	}

}
