package io.serverprofiles.autoconfigure.drain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drain delay's platform-dependent default.
 */
class DrainPropertiesTests {

	@Test
	void outsideKubernetesTheDefaultIsNoDrain() {
		assertThat(new DrainProperties().effectiveDrainDelay(new MockEnvironment())).isZero();
	}

	@Test
	void onKubernetesTheDefaultIsFiveSeconds() {
		MockEnvironment kubernetes = new MockEnvironment().withProperty("spring.main.cloud-platform", "kubernetes");
		assertThat(new DrainProperties().effectiveDrainDelay(kubernetes)).hasSeconds(5);
	}

	@Test
	void aConfiguredDelayWinsEverywhere() {
		DrainProperties properties = new DrainProperties();
		properties.setDrainDelay(Duration.ofMillis(1500));
		MockEnvironment kubernetes = new MockEnvironment().withProperty("spring.main.cloud-platform", "kubernetes");
		assertThat(properties.effectiveDrainDelay(kubernetes)).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void aNegativeDelayMeansNoDrain() {
		DrainProperties properties = new DrainProperties();
		properties.setDrainDelay(Duration.ofSeconds(-1));
		assertThat(properties.effectiveDrainDelay(new MockEnvironment())).isZero();
	}

	@Test
	void withoutAPlatformTheDefaultIsNoDrain() {
		assertThat(new DrainProperties().effectiveDrainDelay((CloudPlatform) null)).isZero();
		assertThat(new DrainProperties().effectiveDrainDelay(CloudPlatform.HEROKU)).isZero();
		assertThat(new DrainProperties().effectiveDrainDelay(CloudPlatform.KUBERNETES)).hasSeconds(5);
	}

}
