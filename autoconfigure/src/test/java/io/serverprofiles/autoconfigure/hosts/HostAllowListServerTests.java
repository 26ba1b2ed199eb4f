package io.serverprofiles.autoconfigure.hosts;

import java.nio.charset.StandardCharsets;

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

/**
 * The Host allow-list of the prod server over real HTTP, on a real container, with the
 * Host header written by hand.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostAllowListServerTests extends StartedServerTests {

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod",
				"--server-profiles.prod.allowed-hosts=app.example,.example.com,::1" };
	}

	@Test
	void anAllowedHostIsServed() {
		assertThat(get("app.example", "/text").status()).isEqualTo(200);
	}

	@Test
	void anAllowedHostMatchesWithoutCaseAndWithAPortOrATrailingDot() {
		assertThat(get("APP.Example:8080", "/text").status()).isEqualTo(200);
		assertThat(get("app.example.", "/text").status()).isEqualTo(200);
	}

	@Test
	void anotherHostGets400WithTheShortJsonBody() {
		RawHttp.Response response = get("evil.example", "/text");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"status\":400,\"error\":\"Bad Request\",\"path\":\"/text\"}");
		assertThat(MediaType.parseMediaType(response.header("Content-Type").orElseThrow()))
			.isEqualTo(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
		assertThat(response.headers().get("cache-control")).containsExactly("no-store");
	}

	@Test
	void aRefusalCarriesTheSecurityHeaders() {
		RawHttp.Response response = get("evil.example", "/text");
		assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.header("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void aLeadingDotAllowsTheDomainAndItsSubdomains() {
		assertThat(get("example.com", "/text").status()).isEqualTo(200);
		assertThat(get("api.example.com", "/text").status()).isEqualTo(200);
		assertThat(get("a.b.example.com", "/text").status()).isEqualTo(200);
		assertThat(get("badexample.com", "/text").status()).isEqualTo(400);
		assertThat(get("example.com.evil.test", "/text").status()).isEqualTo(400);
	}

	@Test
	void anIpv6AddressMatchesByValue() {
		assertThat(get("[::1]", "/text").status()).isEqualTo(200);
		assertThat(get("[0:0:0:0:0:0:0:1]:8080", "/text").status()).isEqualTo(200);
		assertThat(get("[::2]", "/text").status()).isEqualTo(400);
	}

	@Test
	void probesAnswerWhenTheHostIsAnIpAddress() {
		for (String path : new String[] { "/livez", "/readyz", "/actuator/health", "/actuator/health/liveness" }) {
			assertThat(get("10.1.2.3:8080", path).status()).as(path).isEqualTo(200);
		}
	}

	@Test
	void otherPathsAreRefusedWhenTheHostIsAnIpAddress() {
		for (String path : new String[] { "/text", "/actuator/info", "/actuator/healthz",
				"/actuator/health/../info" }) {
			RawHttp.Response response = get("10.1.2.3", path);
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.body()).as(path).startsWith("{\"status\":400,\"error\":\"Bad Request\"");
		}
	}

	@Test
	void probesAreRefusedForAHostNameNotAllowed() {
		assertThat(get("evil.example", "/livez").status()).isEqualTo(400);
	}

	@Test
	void aRefusedHostIsLoggedOnceAtWarn(CapturedOutput output) {
		get("logged-once.invalid", "/text");
		get("logged-once.invalid", "/other");
		assertThat(output.getOut().lines().filter((line) -> line.contains("'logged-once.invalid'"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN")
				.contains("Refused a request for host 'logged-once.invalid'")
				.contains("server-profiles.prod.allowed-hosts"));
	}

	@Test
	void anEmptyListAllowsEveryHost() {
		try (RunningServer server = RunningServer.start(container(), "--server-profiles.mode=prod")) {
			assertThat(get(server, "anything.invalid", "/text").status()).isEqualTo(200);
		}
	}

	@Test
	void anInvalidEntryStopsStartupWithTheFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> RunningServer.start(container(), "--server-profiles.mode=prod",
				"--server-profiles.prod.allowed-hosts=*.example.com"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid entry '*.example.com' in server-profiles.prod.allowed-hosts")
			.contains("Fix or remove that entry of server-profiles.prod.allowed-hosts");
	}

	private RawHttp.Response get(String host, String path) {
		return get(server(), host, path);
	}

	private static RawHttp.Response get(RunningServer server, String host, String path) {
		return RawHttp.to(server.port()).from("127.0.0.1").get(path, "Host: " + host);
	}

}
