package io.serverprofiles.autoconfigure.hosts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * The dev server's answer to DNS rebinding over real HTTP, on a real container: a page
 * whose name was rebound to 127.0.0.1 sends its own name as Host, and gets a 403 instead
 * of the actuator.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevHostCheckServerTests extends StartedServerTests {

	private static final String REFUSED_ENV = "{\"status\":403,\"error\":\"Forbidden\",\"path\":\"/actuator/env\","
			+ "\"message\":\"The dev server answers only loopback host names (DNS rebinding guard). "
			+ "Allow this host with server-profiles.dev.allowed-hosts.\"}";

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=dev",
				"--server-profiles.dev.allowed-hosts=laptop.lan,192.168.1.20" };
	}

	@Test
	void loopbackNamesAreAnsweredWithOrWithoutPort() {
		for (String host : new String[] { "localhost", "localhost:8080", "LocalHost.", "app.localhost",
				"app.localhost:3000", "127.0.0.1", "127.0.0.1:1234", "127.9.9.9", "[::1]", "[::1]:8080",
				"[0:0:0:0:0:0:0:1]", "[0:0:0:0:0:0:0:1]:" + server().port() }) {
			RawHttp.Response response = get(host, "/actuator/env");
			assertThat(response.status()).as(host).isEqualTo(200);
			assertThat(response.body()).as(host).startsWith("{\"activeProfiles\":");
		}
	}

	@Test
	void aRebindingHostGets403WithTheShortJsonBodyNamingTheProperty() {
		RawHttp.Response response = get("rebind.attacker.example:" + server().port(), "/actuator/env");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).isEqualTo(REFUSED_ENV);
		assertThat(MediaType.parseMediaType(response.header("Content-Type").orElseThrow()))
			.isEqualTo(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
		assertThat(response.headers().get("cache-control")).containsExactly("no-store");
	}

	@Test
	void aRebindingHostIsRefusedOnEveryPath() {
		RawHttp.Response response = get("rebind.attacker.example:" + server().port(), "/text");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).isEqualTo(REFUSED_ENV.replace("/actuator/env", "/text"));
	}

	@Test
	void namesThatOnlyLookLikeLoopbackAreRefused() {
		for (String host : new String[] { "localhost.attacker.example", "127.0.0.1.attacker.example",
				"notlocalhost" }) {
			RawHttp.Response response = get(host, "/actuator/env");
			assertThat(response.status()).as(host).isEqualTo(403);
			assertThat(response.body()).as(host).isEqualTo(REFUSED_ENV);
		}
	}

	@Test
	void aRefusedHostIsLoggedOnceWithTheEntryThatAllowsIt(CapturedOutput output) {
		get("logged-once.attacker.example:" + server().port(), "/actuator/env");
		get("logged-once.attacker.example", "/text");
		assertThat(output.getOut().lines().filter((line) -> line.contains("'logged-once.attacker.example'")))
			.singleElement()
			.satisfies((line) -> assertThat(line).doesNotStartWith("{")
				.contains("WARN")
				.endsWith("Refused a request for host 'logged-once.attacker.example' on the dev server: only "
						+ "loopback names are answered (DNS rebinding). Allow it with "
						+ "server-profiles.dev.allowed-hosts=logged-once.attacker.example (for a phone on the LAN "
						+ "or a tunnel). Further requests for it are refused without logging."));
	}

	@Test
	void aRefusalHasItsAccessLogLine(CapturedOutput output) {
		RawHttp.to(server().port())
			.from("127.0.0.1")
			.get("/text", "Host: rebind.attacker.example", "X-Request-Id: refused-host-1");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output).containsPattern(
					"INFO .* io\\.serverprofiles\\.access +: 127\\.0\\.0\\.1 \"GET /text\" 403 \\d+B \\d+ms id=refused-host-1"));
	}

	@Test
	void hostsAllowedForDevAreAnswered() {
		for (String host : new String[] { "laptop.lan", "LAPTOP.lan:8080", "192.168.1.20:" + server().port() }) {
			RawHttp.Response response = get(host, "/actuator/env");
			assertThat(response.status()).as(host).isEqualTo(200);
			assertThat(response.body()).as(host).startsWith("{\"activeProfiles\":");
		}
		assertThat(get("other.lan", "/actuator/env").status()).isEqualTo(403);
		assertThat(get("192.168.1.21", "/actuator/env").status()).isEqualTo(403);
	}

	@Test
	void probesAnswerWhenTheHostIsAnIpAddress() {
		for (String path : new String[] { "/livez", "/readyz", "/actuator/health", "/actuator/health/liveness" }) {
			RawHttp.Response response = get("10.1.2.3:" + server().port(), path);
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void otherPathsAreRefusedWhenTheHostIsAnIpAddressNotAllowed() {
		RawHttp.Response response = get("10.1.2.3", "/actuator/env");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).isEqualTo(REFUSED_ENV);
	}

	@Test
	void probesAreRefusedForARebindingName() {
		RawHttp.Response response = get("rebind.attacker.example", "/actuator/health");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.body()).isEqualTo(REFUSED_ENV.replace("/actuator/env", "/actuator/health"));
	}

	@Test
	void aRequestWithoutHostIsAnsweredForTheLoopbackAddressItCameTo() {
		RawHttp.Response response = RawHttp.to(server().port()).from("127.0.0.1").send("GET /text HTTP/1.0\r\n\r\n");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).startsWith("server-profiles compresses text.");
	}

	@Test
	void theCheckHoldsWhenTheServerIsBoundToEveryInterface() {
		try (RunningServer server = RunningServer.start(container(), "--server-profiles.mode=dev",
				"--server.address=0.0.0.0")) {
			RawHttp.Response refused = get(server, "rebind.attacker.example:" + server.port(), "/actuator/env");
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.body()).isEqualTo(REFUSED_ENV);
			assertThat(get(server, "localhost:" + server.port(), "/actuator/env").status()).isEqualTo(200);
		}
	}

	@Test
	void theCheckHoldsOnASeparateManagementPort() {
		try (RunningServer server = RunningServer.start(container(), "--server-profiles.mode=dev",
				"--management.server.port=0")) {
			int managementPort = server.context().getEnvironment().getProperty("local.management.port", Integer.class);
			assertThat(managementPort).isNotEqualTo(server.port());
			RawHttp.Response refused = RawHttp.to(managementPort)
				.from("127.0.0.1")
				.get("/actuator/env", "Host: rebind.attacker.example:" + managementPort);
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.body()).isEqualTo(REFUSED_ENV);
			assertThat(RawHttp.to(managementPort)
				.from("127.0.0.1")
				.get("/actuator/env", "Host: localhost:" + managementPort)
				.status()).isEqualTo(200);
			assertThat(RawHttp.to(managementPort)
				.from("127.0.0.1")
				.get("/actuator/health/liveness", "Host: 10.1.2.3:" + managementPort)
				.status()).as("probes by IP").isEqualTo(200);
		}
	}

	@Test
	void anInvalidEntryStopsStartupNamingTheDevProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> RunningServer.start(container(), "--server-profiles.mode=dev",
				"--server-profiles.dev.allowed-hosts=http://laptop.lan:8080"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid entry 'http://laptop.lan:8080' in server-profiles.dev.allowed-hosts: write the host "
					+ "only, without a scheme or a path.")
			.contains("Fix or remove that entry of server-profiles.dev.allowed-hosts.");
	}

	private RawHttp.Response get(String host, String path) {
		return get(server(), host, path);
	}

	private static RawHttp.Response get(RunningServer server, String host, String path) {
		return RawHttp.to(server.port()).from("127.0.0.1").get(path, "Host: " + host);
	}

}
