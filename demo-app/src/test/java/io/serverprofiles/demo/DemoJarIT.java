package io.serverprofiles.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import io.serverprofiles.test.LoopbackPorts;
import io.serverprofiles.test.PackagedJar;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repackaged demo jar, as users ship it: devtools left out, prod by default, dev only
 * on loopback, a bad mode refused at startup.
 */
class DemoJarIT {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void devtoolsArrivingThroughTheStarterIsLeftOutOfTheJar() throws IOException {
		try (JarFile jar = new JarFile(DemoJar.path().toFile())) {
			List<String> libraries = jar.stream()
				.map(ZipEntry::getName)
				.filter((name) -> name.startsWith("BOOT-INF/lib/"))
				.toList();
			assertThat(libraries).anyMatch((name) -> name.contains("server-profiles-spring-boot-starter"))
				.anyMatch((name) -> name.contains("spring-boot-webmvc"))
				.noneMatch((name) -> name.contains("devtools"));
		}
	}

	@Test
	void theJarStartsTheProdServerAndHidesErrorDetails() throws Exception {
		try (PackagedJar app = DemoJar.start()) {
			int port = app.awaitPort();
			assertThat(app.output()).contains(
					"server-profiles: PROD (no dev signal: launched from a packaged jar) — set server-profiles.mode to override");
			HttpResponse<String> boom = get(port, "/boom");
			assertThat(boom.statusCode()).isEqualTo(500);
			assertThat(boom.body()).contains("\"status\":500")
				.doesNotContain("trace")
				.doesNotContain("Exception")
				.doesNotContain("secret detail");
			assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
			assertThat(get(port, "/actuator/env").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void inDevModeTheServerListensOnLoopbackOnly() throws Exception {
		try (PackagedJar app = DemoJar.start("--server-profiles.mode=dev")) {
			int port = app.awaitPort();
			assertThat(LoopbackPorts.accepts("127.0.0.1", port)).isTrue();
			assertThat(LoopbackPorts.accepts("127.0.0.2", port)).isFalse();
			assertThat(app.awaitOutput(Pattern.compile("server-profiles: dev server ready")))
				.contains("app         http://127.0.0.1:" + port + "/")
				// The packaged jar leaves devtools out: the report says why nothing
				// reloads.
				.contains("reload      off (spring-boot-devtools is not on the class path)");
			assertThat(get(port, "/boom").body()).contains("\"trace\":\"java.lang.IllegalStateException");
		}
	}

	@Test
	void theModeCanBeSetAsAnEnvironmentVariable() throws Exception {
		try (PackagedJar app = PackagedJar.launch(Map.of("SERVER_PROFILES_MODE", "dev"), Path.of(""),
				List.of("-jar", DemoJar.path().toString()), "--server.port=0")) {
			app.awaitPort();
			assertThat(app.output()).contains("server-profiles: DEV (server-profiles.mode=dev in systemEnvironment)");
		}
	}

	@Test
	void anUnknownModeStopsStartupNamingThePropertyAndTheAllowedValues() throws Exception {
		try (PackagedJar app = DemoJar.start("--server-profiles.mode=staging")) {
			assertThat(app.awaitExit()).isNotZero();
			assertThat(app.output()).contains("APPLICATION FAILED TO START")
				.contains("Invalid value 'staging' for property 'server-profiles.mode' (from commandLineArgs)")
				.contains("Allowed values are: dev, prod.")
				.contains("Set server-profiles.mode to dev or prod");
		}
	}

	@Test
	void theChecksOnlyModeReportsWithoutOpeningAPortAndExitsZeroWhenClean() throws Exception {
		try (PackagedJar app = DemoJar.start("--server-profiles.checks.only")) {
			assertThat(app.awaitExit()).isZero();
			assertThat(app.output()).contains("server-profiles production checks:")
				.contains("(fail-on: error)")
				.doesNotContain("started on port");
		}
	}

	@Test
	void theChecksOnlyModeExitsOneWithAJsonReportWhenAnErrorIsFound() throws Exception {
		try (PackagedJar app = DemoJar.start("--server-profiles.checks.only", "--server-profiles.checks.format=json",
				"--spring.h2.console.enabled=true")) {
			assertThat(app.awaitExit()).isEqualTo(1);
			String json = app.output()
				.lines()
				.filter((line) -> line.startsWith("{\"passed\""))
				.findFirst()
				.orElseThrow();
			JsonNode report = JsonMapper.builder().build().readTree(json);
			assertThat(report.path("passed").asBoolean()).isFalse();
			assertThat(report.path("failOn").asString()).isEqualTo("error");
			assertThat(report.path("findings")).anySatisfy((finding) -> {
				assertThat(finding.path("id").asString()).isEqualTo("SP-109");
				assertThat(finding.path("severity").asString()).isEqualTo("ERROR");
				assertThat(finding.path("fix").asString()).contains("spring.h2.console.enabled=false");
			});
		}
	}

	@Test
	void theChecksOnlyModeExitsTwoWhenItCannotEvaluate() throws Exception {
		try (PackagedJar app = DemoJar.start("--server-profiles.checks.only", "--server-profiles.mode=dev")) {
			assertThat(app.awaitExit()).isEqualTo(2);
			assertThat(app.output()).contains("production checks apply to the prod server");
		}
	}

	@Test
	void anUnsafeConfigurationStopsStartupWithTheReport() throws Exception {
		try (PackagedJar app = DemoJar.start("--spring.web.error.include-stacktrace=always")) {
			assertThat(app.awaitExit()).isNotZero();
			assertThat(app.output()).contains("APPLICATION FAILED TO START")
				.contains("SP-102")
				.doesNotContain("started on port");
		}
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
