package io.serverprofiles.autoconfigure.prod;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one class bound to server-profiles.prod: every key binds, the drain delay's
 * platform-dependent default, and the generated metadata's one group per prefix.
 */
class ProdServerPropertiesTests {

	@Test
	void outsideKubernetesTheDefaultIsNoDrain() {
		assertThat(new ProdServerProperties().effectiveDrainDelay(new MockEnvironment())).isZero();
	}

	@Test
	void onKubernetesTheDefaultIsFiveSeconds() {
		MockEnvironment kubernetes = new MockEnvironment().withProperty("spring.main.cloud-platform", "kubernetes");
		assertThat(new ProdServerProperties().effectiveDrainDelay(kubernetes)).hasSeconds(5);
	}

	@Test
	void aConfiguredDelayWinsEverywhere() {
		ProdServerProperties properties = new ProdServerProperties();
		properties.setDrainDelay(Duration.ofMillis(1500));
		MockEnvironment kubernetes = new MockEnvironment().withProperty("spring.main.cloud-platform", "kubernetes");
		assertThat(properties.effectiveDrainDelay(kubernetes)).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void aNegativeDelayMeansNoDrain() {
		ProdServerProperties properties = new ProdServerProperties();
		properties.setDrainDelay(Duration.ofSeconds(-1));
		assertThat(properties.effectiveDrainDelay(new MockEnvironment())).isZero();
	}

	@Test
	void withoutAPlatformTheDefaultIsNoDrain() {
		assertThat(new ProdServerProperties().effectiveDrainDelay((CloudPlatform) null)).isZero();
		assertThat(new ProdServerProperties().effectiveDrainDelay(CloudPlatform.HEROKU)).isZero();
		assertThat(new ProdServerProperties().effectiveDrainDelay(CloudPlatform.KUBERNETES)).hasSeconds(5);
	}

	@Test
	void everyKeyOfThePrefixBindsToTheOneClass() {
		MockEnvironment environment = new MockEnvironment().withProperty("server-profiles.prod.drain-delay", "2s")
			.withProperty("server-profiles.prod.trusted-proxies", "10.1.0.0/16")
			.withProperty("server-profiles.prod.allowed-hosts", "shop.example.com,.example.com")
			.withProperty("server-profiles.prod.max-request-size", "3MB");
		ProdServerProperties properties = ProdServerProperties.bind(environment);
		assertThat(properties.getDrainDelay()).hasSeconds(2);
		assertThat(properties.getTrustedProxies()).containsExactly("10.1.0.0/16");
		assertThat(properties.trustsDefaultProxies()).isFalse();
		assertThat(properties.getAllowedHosts()).containsExactly("shop.example.com", ".example.com");
		assertThat(properties.getMaxRequestSize().toMegabytes()).isEqualTo(3);
	}

	@Test
	void unsetTrustedProxiesAreTheDefaultPrivateRanges() {
		ProdServerProperties properties = ProdServerProperties.bind(new MockEnvironment());
		assertThat(properties.trustsDefaultProxies()).isTrue();
		assertThat(properties.getTrustedProxies()).contains("10.0.0.0/8", "::1/128");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theGeneratedMetadataHasOneGroupPerPrefix() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			Map<String, Object> metadata = JsonMapper.builder().build().readValue(in, Map.class);
			List<String> groups = ((List<Map<String, Object>>) metadata.get("groups")).stream()
				.map((group) -> (String) group.get("name"))
				.toList();
			assertThat(groups).contains("server-profiles.prod").doesNotHaveDuplicates();
		}
	}

}
