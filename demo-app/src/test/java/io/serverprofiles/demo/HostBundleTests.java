package io.serverprofiles.demo;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverprofiles.test.DeployBundle;
import io.serverprofiles.test.Nginx;
import io.serverprofiles.test.RequiredTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static io.serverprofiles.demo.BundleYaml.at;
import static io.serverprofiles.demo.BundleYaml.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose file, the systemd unit and the Dockerfile of the exported bundle agree with
 * the application (port, readiness path, stop time longer than drain plus shutdown: 7s
 * and 20s here) and keep their hardening. Docker itself is not needed: they are read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostBundleTests {

	private static final int APP_PORT = 9090;

	private static final long STOP_SECONDS = 7 + 20;

	@TempDir
	static Path directory;

	private DeployBundle bundle;

	@BeforeAll
	void export() throws Exception {
		this.bundle = DeployBundle.export(DemoApplication.class, directory.resolve("bundle"),
				"--server.port=" + APP_PORT, "--server-profiles.prod.drain-delay=7s",
				"--server-profiles.prod.shutdown-timeout=20s");
	}

	@Test
	void composeWaitsForAHealthyAppAndStopsItLongerThanItDrainsAndShutsDown() {
		Map<String, Object> app = at(yaml(this.bundle, "docker/compose.yaml"), "services.app");
		Map<String, Object> nginx = at(yaml(this.bundle, "docker/compose.yaml"), "services.nginx");
		assertThat(String.join(" ", (List<String>) at(app, "healthcheck.test")))
			.contains("/dev/tcp/127.0.0.1/" + (APP_PORT + 1))
			.contains("GET /livez");
		assertThat((String) at(nginx, "depends_on.app.condition")).isEqualTo("service_healthy");
		assertThat(seconds(at(app, "stop_grace_period"))).isGreaterThan(STOP_SECONDS);
		assertThat((Map<String, String>) at(nginx, "environment")).containsEntry("UPSTREAM_SERVER", "app:" + APP_PORT)
			.containsEntry("CLIENT_MAX_BODY_SIZE", "10m")
			.containsEntry("PROXY_READ_TIMEOUT", "20s");
	}

	@Test
	void composeRunsBothServicesReadOnlyWithoutCapabilities() {
		for (String service : List.of("app", "nginx")) {
			Map<String, Object> definition = at(yaml(this.bundle, "docker/compose.yaml"), "services." + service);
			assertThat((Boolean) definition.get("read_only")).as(service).isTrue();
			assertThat((List<String>) definition.get("cap_drop")).as(service).containsExactly("ALL");
		}
		assertThat((List<String>) at(yaml(this.bundle, "docker/compose.yaml"), "services.nginx.tmpfs")).isNotEmpty();
	}

	@Test
	void composeAppTrustsForwardedHeadersFromNginxsFixedAddressOnly() {
		Map<String, Object> compose = yaml(this.bundle, "docker/compose.yaml");
		String nginx = at(compose, "services.nginx.networks.edge.ipv4_address");
		assertThat(nginx).isEqualTo("172.30.253.2");
		assertThat((String) at(compose, "networks.edge.ipam.config.0.subnet")).isEqualTo("172.30.253.0/29");
		assertThat((List<String>) at(compose, "services.app.networks")).containsExactly("edge");
		assertThat((Map<String, String>) at(compose, "services.app.environment"))
			.containsEntry("SERVER_PROFILES_PROD_TRUSTED_PROXIES", nginx + "/32");
	}

	@Test
	void composeSpoolsUploadsOnDiskAndLimitsTheAppsMemoryToWhatItsHeapLeaves() {
		Map<String, Object> compose = yaml(this.bundle, "docker/compose.yaml");
		Map<String, Object> app = at(compose, "services.app");
		// A tmpfs would count the uploads spooled to /tmp against mem_limit.
		assertThat((List<String>) app.get("volumes")).containsExactly("app-tmp:/tmp");
		assertThat(app).doesNotContainKey("tmpfs");
		assertThat((Map<String, Object>) compose.get("volumes")).containsKey("app-tmp");
		assertThat(app.get("mem_limit")).isEqualTo("768m");
		assertThat((Map<String, String>) app.get("environment")).containsEntry("JAVA_TOOL_OPTIONS",
				"-Xmx448m -XX:+ExitOnOutOfMemoryError");
	}

	@Test
	void composeGivesTheNginxTemplateEveryPlaceholderItUses() {
		Map<String, String> environment = at(yaml(this.bundle, "docker/compose.yaml"), "services.nginx.environment");
		Matcher placeholders = Pattern.compile("\\$\\{([A-Z_]+)}")
			.matcher(this.bundle.text("nginx/sites/app.conf.template"));
		while (placeholders.find()) {
			assertThat(environment).containsKey(placeholders.group(1));
		}
	}

	@Test
	void systemdWaitsLongerThanTheAppDrainsAndShutsDownAndSandboxesIt() {
		String unit = this.bundle.text("systemd/app.service");
		Matcher timeout = Pattern.compile("(?m)^TimeoutStopSec=(\\d+)$").matcher(unit);
		assertThat(timeout.find()).isTrue();
		assertThat(Long.parseLong(timeout.group(1))).isGreaterThan(STOP_SECONDS);
		assertThat(unit).contains("\nProtectSystem=strict\n", "\nNoNewPrivileges=yes\n", "\nPrivateTmp=yes\n",
				"\nKillSignal=SIGTERM\n", "\nSuccessExitStatus=143\n");
	}

	@Test
	void systemdAnalyzeFindsNothingToSayAboutTheUnit() throws Exception {
		Path analyze = RequiredTool.SYSTEMD_ANALYZE.require();
		Path unit = Files.createDirectories(directory.resolve("unit")).resolve("demo-app.service");
		Files.copy(this.bundle.path("systemd/app.service"), unit);
		Process verify = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true)
			.start();
		String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(verify.waitFor()).isZero();
		assertThat(output).as("systemd-analyze verify warns about nothing").isBlank();
	}

	@Test
	void theRollingRestartScriptTakesAnInstanceOutOfNginxAndPutsItBack() throws Exception {
		Path site = Files.copy(this.bundle.path("nginx/sites/app.conf"), directory.resolve("rolling-app.conf"));
		String upLine = "server 127.0.0.1:" + APP_PORT + " max_fails=1 fail_timeout=5s;";
		String downLine = "server 127.0.0.1:" + APP_PORT + " max_fails=1 fail_timeout=5s down;";
		assertThat(Files.readString(site)).contains(upLine);
		for (int time = 0; time < 2; time++) {
			assertThat(rollingRestart(site, "down", "127.0.0.1:" + APP_PORT).exitCode()).isZero();
			assertThat(Files.readString(site)).contains(downLine).doesNotContain("down down");
		}
		assertThat(rollingRestart(site, "up", "127.0.0.1:" + APP_PORT).exitCode()).isZero();
		assertThat(Files.readString(site)).contains(upLine).doesNotContain(" down;");
		Nginx.Result unknown = rollingRestart(site, "down", "127.0.0.1:1");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.output()).contains("no 'server 127.0.0.1:1' line in " + site);
	}

	@Test
	void theRollingRestartScriptRefusesASingleInstance() throws Exception {
		Nginx.Result result = rollingRestart(this.bundle.path("nginx/sites/app.conf"));
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output()).contains("one instance only: nginx would have none while it restarts");
	}

	/**
	 * The rendered script with the given site and a reload that does nothing.
	 */
	private Nginx.Result rollingRestart(Path site, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(
				List.of("bash", this.bundle.path("systemd/rolling-restart.sh").toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder script = new ProcessBuilder(command).redirectErrorStream(true);
		script.environment().put("SITE", site.toString());
		script.environment().put("NGINX_RELOAD", "true");
		Process process = script.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Nginx.Result(process.waitFor(), output);
	}

	@Test
	void theDockerfileRunsTheLayeredJarAsNonRootWithSigtermReachingTheJvm() {
		String dockerfile = this.bundle.text("docker/Dockerfile");
		assertThat(dockerfile).contains("ARG JRE_IMAGE=eclipse-temurin:17-jre")
			.contains("FROM $JRE_IMAGE\n")
			.contains("-Djarmode=tools -jar app.jar extract --layers --destination")
			.contains("USER 10001:10001")
			.contains("-XX:MaxRAMPercentage=")
			.contains("EXPOSE " + APP_PORT + "\n")
			.contains("ENV MANAGEMENT_SERVER_PORT=" + (APP_PORT + 1) + "\n")
			.contains("/dev/tcp/127.0.0.1/$MANAGEMENT_SERVER_PORT")
			.contains("GET /livez HTTP/1.0\\\\r\\\\nHost: 127.0.0.1");
		assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"@jvm.options\", \"-jar\", \"app.jar\"]\n");
	}

	@Test
	void theRootDockerignoreKeepsOnlyJarsInTheBuildContext() throws Exception {
		List<String> lines = Files.readAllLines(Path.of("..", ".dockerignore"));
		assertThat(lines).contains("*", "!**/target/*.jar");
		assertThat(new File("../.dockerignore")).exists();
	}

	private static long seconds(String duration) {
		return Long.parseLong(duration.replace("s", ""));
	}

}
