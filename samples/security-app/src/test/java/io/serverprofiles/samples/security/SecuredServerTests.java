package io.serverprofiles.samples.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with Spring Security's usual rules (every request authenticated), on a real
 * Tomcat and a real Jetty in prod: the platform's probes answer anonymous requests, every
 * other path keeps the application's rules.
 */
class SecuredServerTests {

	private static final String TOMCAT = "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration";

	private static final String JETTY = "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration";

	private static final String PROBE_SECRET = "0123456789abcdef0123456789abcdef";

	private final HttpClient client = HttpClient.newHttpClient();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { TOMCAT, JETTY })
	void probesAnswerAnonymousRequests(String otherContainer) throws Exception {
		try (ConfigurableApplicationContext app = start(otherContainer)) {
			for (String probe : new String[] { "/livez", "/readyz", "/actuator/health", "/actuator/health/liveness",
					"/actuator/health/readiness" }) {
				assertThat(get(app, probe, null).statusCode()).as(probe).isEqualTo(200);
			}
			// prod shows health without details, to anyone.
			assertThat(get(app, "/actuator/health", null).body()).contains("\"status\":\"UP\"")
				.doesNotContain("components")
				.doesNotContain("details");
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { TOMCAT, JETTY })
	void everyOtherPathKeepsTheApplicationsRules(String otherContainer) throws Exception {
		try (ConfigurableApplicationContext app = start(otherContainer)) {
			for (String path : new String[] { "/hello", "/actuator/prometheus", "/actuator/info", "/actuator/healthz",
					"/livez/x" }) {
				assertThat(get(app, path, null).statusCode()).as(path).isEqualTo(401);
			}
			assertThat(get(app, "/hello", "user:secret").body()).isEqualTo("hello");
			assertThat(get(app, "/actuator/prometheus", "user:secret").statusCode()).isEqualTo(200);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { TOMCAT, JETTY })
	void aBodyReadAheadIsAuthorizedAndReachesTheHandler(String otherContainer) throws Exception {
		// The prod server receives the body before the handler runs, then dispatches the
		// request again: the security chain must still know who sent it.
		try (ConfigurableApplicationContext app = start(otherContainer)) {
			assertThat(post(app, "/echo", "{\"a\":1}", null).statusCode()).isEqualTo(401);
			HttpResponse<String> response = post(app, "/echo", "{\"a\":1}", "user:secret");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"a\":1}");
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { TOMCAT, JETTY })
	void theProbesSignedTraceAnswersAheadOfTheRulesUnderAContextPath(String otherContainer) throws Exception {
		// The probe after a deploy (--server-profiles.probe=URL) signs its request to the
		// whoami trace; it has no user of the app, so the trace must answer before the
		// application's rules, under the app's context path. Unsigned, the rules hold.
		try (ConfigurableApplicationContext app = start(otherContainer, "--server.servlet.context-path=/shop",
				"--server-profiles.probe.secret=" + PROBE_SECRET)) {
			assertThat(get(app, "/shop/_server-profiles/whoami", null).statusCode()).isEqualTo(401);
			HttpResponse<String> signed = send(
					request(app, "/shop/_server-profiles/whoami").header("X-Server-Profiles-Probe", probeToken()),
					null);
			assertThat(signed.statusCode()).isEqualTo(200);
			Map<String, Object> trace = JsonParserFactory.getJsonParser().parseMap(signed.body());
			assertThat(trace.get("client")).isInstanceOfSatisfying(Map.class,
					(client) -> assertThat(client).containsEntry("address", "127.0.0.1"));
			assertThat(get(app, "/_server-profiles/whoami", null).statusCode()).isEqualTo(404);
		}
	}

	/**
	 * A token as the probe makes it ({@code SECONDS.HMAC}: HMAC-SHA256 of
	 * {@code whoami:SECONDS} with the shared secret, hex), written here from the format
	 * so that the app's check is tested against the wire, not against itself.
	 */
	private static String probeToken() throws Exception {
		String seconds = Long.toString(Instant.now().getEpochSecond());
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(PROBE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return seconds + "."
				+ HexFormat.of().formatHex(mac.doFinal(("whoami:" + seconds).getBytes(StandardCharsets.US_ASCII)));
	}

	private static ConfigurableApplicationContext start(String otherContainer, String... arguments) {
		List<String> all = new ArrayList<>(
				List.of("--server.port=0", "--spring.autoconfigure.exclude=" + otherContainer));
		all.addAll(List.of(arguments));
		return SpringApplication.run(SecurityApplication.class, all.toArray(String[]::new));
	}

	private HttpResponse<String> get(ConfigurableApplicationContext app, String path, String credentials)
			throws Exception {
		return send(request(app, path), credentials);
	}

	private HttpResponse<String> post(ConfigurableApplicationContext app, String path, String json, String credentials)
			throws Exception {
		return send(request(app, path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), credentials);
	}

	private static HttpRequest.Builder request(ConfigurableApplicationContext app, String path) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String credentials) throws Exception {
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
