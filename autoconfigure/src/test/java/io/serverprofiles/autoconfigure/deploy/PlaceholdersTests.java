package io.serverprofiles.autoconfigure.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.serverprofiles.autoconfigure.headers.SecurityHeadersProperties;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which value each placeholder gets, and in which unit.
 */
class PlaceholdersTests {

	@Test
	void sizesUseNginxUnits() {
		assertThat(Placeholders.nginxSize(DataSize.ofMegabytes(10))).isEqualTo("10m");
		assertThat(Placeholders.nginxSize(DataSize.ofKilobytes(1536))).isEqualTo("1536k");
		assertThat(Placeholders.nginxSize(DataSize.ofBytes(1000))).isEqualTo("1000");
	}

	@Test
	void durationsUseNginxUnitsAndGracePeriodsRoundUp() {
		assertThat(Placeholders.nginxTime(Duration.ofSeconds(30))).isEqualTo("30s");
		assertThat(Placeholders.nginxTime(Duration.ofMillis(2500))).isEqualTo("2500ms");
		assertThat(Placeholders.seconds(Duration.ofMillis(2001))).isEqualTo(3);
	}

	@Test
	void limitsTimeoutsAndGracePeriodsComeFromTheApp() {
		ProdServerProperties prod = new ProdServerProperties();
		prod.setMaxRequestSize(DataSize.ofMegabytes(3));
		prod.setShutdownTimeout(Duration.ofSeconds(45));
		AppSettings app = new AppSettings("shop", 9000, 9001, "", "", "/manage/", prod, Duration.ofSeconds(2),
				Duration.ofSeconds(5), 200, null);
		Map<String, List<String>> values = Placeholders.of(app, new DeployProperties());
		assertThat(values).containsEntry("CLIENT_MAX_BODY_SIZE", List.of("3m"))
			.containsEntry("PROXY_READ_TIMEOUT", List.of("45s"))
			.containsEntry("KEEPALIVE_TIMEOUT", List.of("20s"))
			.containsEntry("UPSTREAM_KEEPALIVE_TIMEOUT", List.of("10s"))
			.containsEntry("TIMEOUT_STOP_SECONDS", List.of("52"))
			.containsEntry("STOP_GRACE_PERIOD", List.of("52s"))
			.containsEntry("TERMINATION_GRACE_PERIOD_SECONDS", List.of("55"))
			.containsEntry("ACTUATOR_BASE_PATH", List.of("/manage"))
			.containsEntry("UPSTREAM_SERVER", List.of("127.0.0.1:9000"))
			.containsEntry("STATIC_ROOT", List.of("/srv/shop/static"))
			.containsEntry("IMAGE", List.of("shop:latest"));
	}

	@Test
	void theImageIsTaggedWithTheApplicationsVersionWhenItIsKnown() {
		AppSettings versioned = new AppSettings("shop", 8080, 8081, "", "", "/actuator", new ProdServerProperties(),
				Duration.ZERO, Duration.ofSeconds(5), 200, "1.4.2");
		assertThat(Placeholders.of(versioned, new DeployProperties())).containsEntry("IMAGE", List.of("shop:1.4.2"));
		DeployProperties deploy = new DeployProperties();
		deploy.setImage("registry.example.com/shop:7");
		assertThat(Placeholders.of(versioned, deploy)).containsEntry("IMAGE", List.of("registry.example.com/shop:7"));
	}

	@Test
	void theHeapIsTheMemoryLimitLessTheNonHeapBudget() {
		assertThat(Placeholders.of(app(), new DeployProperties())).containsEntry("MEMORY_LIMIT_MIB", List.of("768"))
			.containsEntry("JAVA_OPTIONS", List.of("-Xmx448m -XX:+ExitOnOutOfMemoryError"));
		DeployProperties deploy = new DeployProperties();
		deploy.setMemoryLimit(DataSize.ofGigabytes(2));
		deploy.setNonHeap(DataSize.ofMegabytes(400));
		assertThat(Placeholders.of(app(), deploy)).containsEntry("MEMORY_LIMIT_MIB", List.of("2048"))
			.containsEntry("JAVA_OPTIONS", List.of("-Xmx1648m -XX:+ExitOnOutOfMemoryError"));
	}

	@Test
	void tmpHoldsAnUploadAtTheLimitFromEveryRequestThread() {
		assertThat(Placeholders.of(app(), new DeployProperties())).containsEntry("TMP_SIZE_MIB", List.of("2064"));
		ProdServerProperties prod = new ProdServerProperties();
		prod.setMaxRequestSize(DataSize.ofKilobytes(1536));
		AppSettings fewThreads = new AppSettings("app", 8080, 8081, "", "", "/actuator", prod, Duration.ZERO,
				Duration.ofSeconds(5), 50, null);
		assertThat(Placeholders.of(fewThreads, new DeployProperties())).containsEntry("TMP_SIZE_MIB", List.of("139"));
	}

	@Test
	void aMemoryLimitThatLeavesTooSmallAHeapFailsNamingTheProperties() {
		DeployProperties deploy = new DeployProperties();
		deploy.setMemoryLimit(DataSize.ofMegabytes(400));
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> Placeholders.of(app(), deploy))
			.withMessageContaining("server-profiles.deploy.memory-limit")
			.withMessageContaining("leaves 80MB of heap beside server-profiles.deploy.non-heap (320MB)")
			.withMessageContaining("at least 448MB");
	}

	@Test
	void nginxHasTheComposeSubnetsFirstAddressAfterTheGateway() {
		assertThat(Placeholders.of(app(), new DeployProperties()))
			.containsEntry("COMPOSE_SUBNET", List.of("172.30.253.0/29"))
			.containsEntry("COMPOSE_NGINX_ADDRESS", List.of("172.30.253.2"));
		assertThat(Placeholders.composeNginxAddress("10.9.8.77/24")).isEqualTo("10.9.8.2");
		assertThat(Placeholders.composeNginxAddress("192.168.0.0/16")).isEqualTo("192.168.0.2");
		for (String wrong : List.of("172.30.253.0/30", "172.30.253.0", "300.1.1.0/24", "010.1.1.0/24", "compose/24",
				"fd00::/64")) {
			assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
				.isThrownBy(() -> Placeholders.composeNginxAddress(wrong))
				.withMessageContaining("server-profiles.deploy.compose-subnet");
		}
	}

	@Test
	void severalUpstreamServersStaySeparateValues() {
		DeployProperties deploy = new DeployProperties();
		deploy.setUpstream(List.of("10.0.0.1:8080", "10.0.0.2:8080"));
		AppSettings app = new AppSettings("app", 8080, 8081, "", "", "/actuator", new ProdServerProperties(),
				Duration.ZERO, Duration.ofSeconds(5), 200, null);
		assertThat(Placeholders.of(app, deploy)).containsEntry("UPSTREAM_SERVER",
				List.of("10.0.0.1:8080", "10.0.0.2:8080"));
	}

	@Test
	void theRedirectGoesToTheFirstServerNameWithThePortOnlyWhenItIsNot443() {
		DeployProperties deploy = new DeployProperties();
		deploy.setServerName("shop.example.com www.shop.example.com");
		assertThat(Placeholders.of(app(), deploy)).containsEntry("HTTPS_AUTHORITY", List.of("shop.example.com"));
		deploy.setHttpsPort(8443);
		assertThat(Placeholders.of(app(), deploy)).containsEntry("HTTPS_AUTHORITY", List.of("shop.example.com:8443"));
	}

	@Test
	void withoutAnOuterProxyNginxTrustsNoPeerForTheClientsAddress() {
		DeployProperties deploy = new DeployProperties();
		assertThat(Placeholders.of(app(), deploy)).containsEntry("OUTER_PROXY", List.of("unix:"));
		deploy.setOuterProxies(List.of("192.0.2.0/24", "198.51.100.7"));
		assertThat(Placeholders.of(app(), deploy)).containsEntry("OUTER_PROXY",
				List.of("192.0.2.0/24", "198.51.100.7"));
	}

	@Test
	void nginxsOwnAnswersCarryTheAppsHstsValueOrNone() {
		SecurityHeadersProperties headers = new SecurityHeadersProperties();
		headers.getHsts().setMaxAge(Duration.ofDays(2));
		headers.getHsts().setIncludeSubDomains(false);
		assertThat(Placeholders.of(app(), new DeployProperties(), headers)).containsEntry("HSTS",
				List.of("max-age=172800"));
		headers.getHsts().setEnabled(false);
		assertThat(Placeholders.of(app(), new DeployProperties(), headers)).containsEntry("HSTS", List.of(""));
	}

	@Test
	void probesGetTenTimesTheRate() {
		DeployProperties deploy = new DeployProperties();
		deploy.setRateLimit(7);
		assertThat(Placeholders.of(app(), deploy)).containsEntry("PROBE_RATE_LIMIT", List.of("70r/s"));
	}

	@Test
	void theContextPathIsEmptyAtTheRootAndHasNoTrailingSlash() {
		assertThat(Placeholders.of(app(), new DeployProperties())).containsEntry("CONTEXT_PATH", List.of(""));
		AppSettings underApp = new AppSettings("app", 8080, 8081, "/app/", "", "/actuator", new ProdServerProperties(),
				Duration.ZERO, Duration.ofSeconds(5), 200, null);
		assertThat(Placeholders.of(underApp, new DeployProperties())).containsEntry("CONTEXT_PATH", List.of("/app"));
	}

	@Test
	void theManagementBasePathIsEmptyAtTheRootAndHasNoTrailingSlash() {
		assertThat(Placeholders.of(app(), new DeployProperties())).containsEntry("MANAGEMENT_BASE_PATH", List.of(""));
		for (String root : new String[] { "", "/" }) {
			AppSettings atRoot = new AppSettings("app", 8080, 8081, "/app", root, "/actuator",
					new ProdServerProperties(), Duration.ZERO, Duration.ofSeconds(5), 200, null);
			assertThat(Placeholders.of(atRoot, new DeployProperties())).containsEntry("MANAGEMENT_BASE_PATH",
					List.of(""));
		}
		AppSettings moved = new AppSettings("app", 8080, 8081, "/app", "manage/", "/actuator",
				new ProdServerProperties(), Duration.ZERO, Duration.ofSeconds(5), 200, null);
		assertThat(Placeholders.of(moved, new DeployProperties())).containsEntry("MANAGEMENT_BASE_PATH",
				List.of("/manage"));
	}

	private static AppSettings app() {
		return new AppSettings("app", 8080, 8081, "", "", "/actuator", new ProdServerProperties(), Duration.ZERO,
				Duration.ofSeconds(5), 200, null);
	}

}
