package io.serverprofiles.autoconfigure.probe;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --server-profiles.probe=URL} makes the run a one-shot probe; without it nothing
 * changes.
 */
class ProbeEnvironmentPostProcessorTests {

	private final ProbeEnvironmentPostProcessor postProcessor = new ProbeEnvironmentPostProcessor();

	@Test
	void theShortFormBecomesTheUrlAndNoServerStarts() {
		MockEnvironment environment = new MockEnvironment().withProperty("server-profiles.probe",
				" https://shop.example.com ");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server-profiles.probe.url")).isEqualTo("https://shop.example.com");
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("logging.level.root")).isEqualTo("error");
	}

	@Test
	void theLongFormWinsOverTheShortOne() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("server-profiles.probe.url", "https://staging.example.com")
			.withProperty("server-profiles.probe", "https://shop.example.com");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server-profiles.probe.url")).isEqualTo("https://staging.example.com");
	}

	@Test
	void withoutAUrlTheRunIsUnchanged() {
		MockEnvironment environment = new MockEnvironment().withProperty("server-profiles.probe.format", "json");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
	}

}
