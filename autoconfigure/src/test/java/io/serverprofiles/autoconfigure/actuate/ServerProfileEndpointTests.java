package io.serverprofiles.autoconfigure.actuate;

import io.serverprofiles.autoconfigure.support.StartedServerTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/serverprofile} on a prod server that exposes it, the mode in info and
 * as a Prometheus gauge.
 */
class ServerProfileEndpointTests extends StartedServerTests {

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod", "--server-profiles.prod.allowed-hosts=127.0.0.1",
				"--management.endpoints.web.exposure.include=health,info,prometheus,serverprofile" };
	}

	@Test
	void showsModeSettingsAndCheckResults() {
		JsonNode profile = JsonMapper.builder().build().readTree(server().get("/actuator/serverprofile").body());
		assertThat(profile.path("mode").asString()).isEqualTo("prod");
		assertThat(profile.path("reason").asString()).isEqualTo("server-profiles.mode=prod in commandLineArgs");
		JsonNode settings = profile.path("server");
		assertThat(settings.path("container").asString()).isEqualTo(expectedContainer());
		assertThat(settings.path("port").asInt()).isEqualTo(server().port());
		assertThat(settings.path("compression").asBoolean()).isTrue();
		assertThat(settings.path("maxHeaderSize").asString()).isEqualTo("8KB");
		assertThat(settings.path("maxRequestSize").asString()).isEqualTo("10MB");
		assertThat(settings.path("maxFormSize").asString()).isEqualTo("1MB");
		assertThat(settings.path("keepAliveTimeout").asString()).isEqualTo("20s");
		assertThat(profile.path("forwarded").path("trustedProxies").toString()).contains("10.0.0.0/8");
		assertThat(profile.path("forwarded").path("allowedHosts").toString()).contains("127.0.0.1");
		assertThat(profile.path("shutdown").path("mode").asString()).isEqualTo("graceful");
		assertThat(profile.path("shutdown").path("drainDelay").asString()).isEqualTo("0s");
		assertThat(profile.path("shutdown").path("timeout").asString()).isEqualTo("30s");
		JsonNode checks = profile.path("checks");
		assertThat(checks.path("passed").asBoolean()).isTrue();
		assertThat(checks.path("findings").toString()).contains("SP-114");
	}

	@Test
	void infoNamesTheMode() {
		assertThat(server().get("/actuator/info").body()).contains("\"server-profiles\":{\"mode\":\"prod\"}");
	}

	@Test
	void prometheusHasTheModeGauge() {
		assertThat(server().get("/actuator/prometheus").body()).contains("server_profiles_mode{mode=\"prod\"} 1.0");
	}

	private String expectedContainer() {
		return container().name().toLowerCase();
	}

}
