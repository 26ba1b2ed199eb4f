package io.serverprofiles.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverprofiles.test.DeployBundle;
import io.serverprofiles.test.LoopbackPorts;
import io.serverprofiles.test.PackagedJar;
import io.serverprofiles.test.RawHttp;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static io.serverprofiles.demo.BundleYaml.at;
import static io.serverprofiles.demo.BundleYaml.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged demo started exactly as each rendered platform file starts it: the
 * Kubernetes Deployment's env on the image's ENTRYPOINT (and the variables Kubernetes
 * sets in every pod), compose's environment and health check, the systemd unit's
 * {@code Environment=} and {@code ExecStart=}. Each must come up (the production checks
 * judge drain and shutdown against the grace period the file gives), and every probe the
 * file names must answer 200 on the port it names, with a Host allow-list that does not
 * name localhost. The actuator and liveness live on the management port that every file
 * sets, readiness on the app's port; compose and systemd keep the management port on
 * loopback. Subclasses give the app's shape (at the root, under a context path).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlatformStart {

	private static final Pattern STARTED = Pattern.compile("Started DemoApplication");

	private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$");

	private static final Pattern IMAGE_ENV = Pattern.compile("(?m)^ENV ([A-Z_]+)=(.*)$");

	private final HttpClient client = HttpClient.newHttpClient();

	private Path work;

	private DeployBundle bundle;

	private Path image;

	/**
	 * The app's own configuration, the same when exporting and when running: here the
	 * port, as application.properties would give it.
	 */
	private Map<String, String> appConfig;

	private int appPort;

	private int managementPort;

	/**
	 * The app's context path, as its own configuration sets it.
	 * @return the path, empty at the root
	 */
	abstract String contextPath();

	/**
	 * The management port's own base path ({@code management.server.base-path}), as the
	 * app's configuration sets it; the context path does not apply on that port.
	 * @return the path, empty at the management port's root
	 */
	String managementBasePath() {
		return "";
	}

	@BeforeAll
	void exportAndExtract(@TempDir Path work) throws Exception {
		this.work = work;
		int[] ports = LoopbackPorts.free(2);
		this.appPort = ports[0];
		this.managementPort = ports[1];
		// An allow-list without localhost, as SP-105 asks: every probe must still pass.
		this.appConfig = Map.of("SERVER_PORT", String.valueOf(this.appPort), "SERVER_PROFILES_PROD_ALLOWED_HOSTS",
				"shop.example.com", "SERVER_SERVLET_CONTEXT_PATH", contextPath(), "MANAGEMENT_SERVER_BASE_PATH",
				managementBasePath());
		this.bundle = DemoJar.export(work.resolve("bundle"), "--server.port=" + this.appPort,
				"--management.server.port=" + ports[1], "--server.servlet.context-path=" + contextPath(),
				"--management.server.base-path=" + managementBasePath());
		this.image = extractAsTheDockerfileDoes();
	}

	@Test
	void kubernetesStartsTheAppAndItsProbesAnswer() throws Exception {
		Map<String, Object> container = at(yaml(this.bundle, "kubernetes/deployment.yaml"),
				"spec.template.spec.containers.0");
		Map<String, String> environment = new LinkedHashMap<>(this.appConfig);
		List<Map<String, String>> variables = at(container, "env");
		for (Map<String, String> variable : variables) {
			environment.put(variable.get("name"), variable.get("value"));
		}
		// What Kubernetes sets in every pod: Spring Boot detects the platform from them.
		environment.put("KUBERNETES_SERVICE_HOST", "127.0.0.1");
		environment.put("KUBERNETES_SERVICE_PORT", "443");
		try (PackagedJar app = startImage(environment)) {
			app.awaitOutput(STARTED);
			assertThat(app.output()).doesNotContain("SP-113").doesNotContain("APPLICATION FAILED TO START");
			for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
				String path = at(container, probe + ".httpGet.path");
				int port = containerPort(container, at(container, probe + ".httpGet.port"));
				assertThat(awaitStatus(port, path)).as("%s %s on port %s", probe, path, port).isEqualTo(200);
			}
		}
	}

	@Test
	void composeStartsTheAppAndItsHealthCheckPasses() throws Exception {
		Map<String, Object> app = at(yaml(this.bundle, "docker/compose.yaml"), "services.app");
		Map<String, String> environment = new LinkedHashMap<>(this.appConfig);
		environment.putAll(at(app, "environment"));
		try (PackagedJar started = startImage(environment)) {
			started.awaitOutput(STARTED);
			List<String> test = at(app, "healthcheck.test");
			assertThat(test.get(0)).isEqualTo("CMD");
			assertThat(String.join(" ", test)).contains("/dev/tcp/127.0.0.1/" + this.managementPort + " ")
				.contains("GET " + managementBasePath() + "/livez ");
			assertThat(awaitExitCode(new ProcessBuilder(test.subList(1, test.size())))).as(started.output()).isZero();
			assertTheActuatorIsOnlyOnTheManagementPortOnLoopback();
			assertThat(environment).containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(this.managementPort))
				.containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
		}
	}

	@Test
	void theImagesHealthCheckPassesOnThePortTheAppUses() throws Exception {
		Matcher healthCheck = Pattern.compile("(?m)^  CMD \\[(.*)]$").matcher(this.bundle.text("docker/Dockerfile"));
		assertThat(healthCheck.find()).as("the Dockerfile's HEALTHCHECK").isTrue();
		List<String> command = jsonStrings(healthCheck.group(1));
		assertThat(String.join(" ", command)).as("liveness, on the management port")
			.contains("/dev/tcp/127.0.0.1/$MANAGEMENT_SERVER_PORT ")
			.contains("GET " + managementBasePath() + "/livez ");
		// docker run -e SERVER_PORT=... -e MANAGEMENT_SERVER_PORT=... moves the app: the
		// check must follow it.
		int[] moved = LoopbackPorts.free(2);
		Map<String, String> environment = new LinkedHashMap<>(this.appConfig);
		environment.put("SERVER_PORT", String.valueOf(moved[0]));
		environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(moved[1]));
		try (PackagedJar app = startImage(environment)) {
			app.awaitOutput(STARTED);
			ProcessBuilder checkInTheContainer = new ProcessBuilder(command).redirectErrorStream(true);
			checkInTheContainer.environment().putAll(withImageEnvironment(environment));
			assertThat(awaitExitCode(checkInTheContainer)).as(app.output()).isZero();
		}
	}

	@Test
	void systemdStartsTheAppAndNginxsUpstreamAnswers() throws Exception {
		String unit = this.bundle.text("systemd/app.service");
		Map<String, String> environment = new LinkedHashMap<>(this.appConfig);
		Matcher variables = Pattern.compile("(?m)^Environment=([A-Z_]+)=(.*)$").matcher(unit);
		while (variables.find()) {
			environment.put(variables.group(1), variables.group(2));
		}
		Matcher execStart = Pattern.compile("(?m)^ExecStart=(\\S+) (.*) -jar (\\S+) (.*)$").matcher(unit);
		assertThat(execStart.find()).as("ExecStart runs java -jar").isTrue();
		List<String> launch = new ArrayList<>(List.of(execStart.group(2).split(" ")));
		launch.addAll(List.of("-jar", DemoJar.path().toAbsolutePath().toString()));
		try (PackagedJar app = PackagedJar.launch(environment, Path.of(""), launch, execStart.group(4).split(" "))) {
			app.awaitOutput(STARTED);
			String upstream = this.bundle.text("nginx/sites/app.conf");
			assertThat(upstream).contains("server 127.0.0.1:" + this.appPort + " ");
			assertThat(awaitStatus(this.appPort, contextPath() + "/readyz")).isEqualTo(200);
			assertTheActuatorIsOnlyOnTheManagementPortOnLoopback();
			assertThat(environment).containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(this.managementPort))
				.containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
		}
	}

	/**
	 * The actuator where the file puts it: none of it on the app's port (the app itself
	 * answers 404, so nothing depends on nginx hiding it), all of it on the management
	 * port that the file names, and that port on loopback only.
	 */
	private void assertTheActuatorIsOnlyOnTheManagementPortOnLoopback() throws Exception {
		assertThat(awaitStatus(this.managementPort, managementBasePath() + "/livez")).isEqualTo(200);
		for (String endpoint : List.of("health", "health/liveness", "info", "prometheus")) {
			// A name the app allows, so that the Host allow-list does not answer first.
			String onTheAppPort = RawHttp.to(this.appPort)
				.get(contextPath() + "/actuator/" + endpoint, "Host: shop.example.com")
				.text();
			assertThat(onTheAppPort).as("/actuator/%s on the app's port", endpoint)
				.startsWith("HTTP/1.1 404")
				.contains("\"status\":404,\"error\":\"Not Found\"");
			assertThat(get(this.managementPort, managementBasePath() + "/actuator/" + endpoint))
				.as("/actuator/%s on the management port", endpoint)
				.isEqualTo(200);
		}
		assertThat(RawHttp.to(this.appPort).get(contextPath() + "/livez", "Host: shop.example.com").text())
			.as("liveness is not on the app's port")
			.startsWith("HTTP/1.1 404");
		assertThat(LoopbackPorts.accepts("127.0.0.1", this.managementPort)).isTrue();
		assertThat(LoopbackPorts.accepts("127.0.0.2", this.managementPort)).as("the management port on 127.0.0.1 only")
			.isFalse();
	}

	/**
	 * The rendered Dockerfile's ENTRYPOINT in its WORKDIR: app.jar and lib/, extracted as
	 * its build stage does.
	 */
	private PackagedJar startImage(Map<String, String> environment) throws Exception {
		Matcher entrypoint = ENTRYPOINT.matcher(this.bundle.text("docker/Dockerfile"));
		assertThat(entrypoint.find()).as("the Dockerfile's ENTRYPOINT").isTrue();
		List<String> command = jsonStrings(entrypoint.group(1));
		assertThat(command.get(0)).isEqualTo("java");
		return PackagedJar.launch(withImageEnvironment(environment), this.image, command.subList(1, command.size()));
	}

	/**
	 * The image's own {@code ENV}, under what {@code docker run -e} or the platform file
	 * sets, as Docker does. JAVA_TOOL_OPTIONS stays out: its heap is a share of a
	 * container's memory limit, which this host process has not got.
	 */
	private Map<String, String> withImageEnvironment(Map<String, String> environment) {
		Map<String, String> merged = new LinkedHashMap<>();
		Matcher variables = IMAGE_ENV.matcher(this.bundle.text("docker/Dockerfile"));
		while (variables.find()) {
			if (!variables.group(1).equals("JAVA_TOOL_OPTIONS")) {
				merged.put(variables.group(1), variables.group(2));
			}
		}
		merged.putAll(environment);
		return merged;
	}

	/**
	 * The strings of a JSON array's inside, as a Dockerfile's exec form writes them, with
	 * its escapes undone.
	 */
	private static List<String> jsonStrings(String array) {
		return JsonMapper.builder().build().readValue("[" + array + "]", new TypeReference<List<String>>() {
		});
	}

	private Path extractAsTheDockerfileDoes() throws Exception {
		assertThat(this.bundle.text("docker/Dockerfile"))
			.contains("-Djarmode=tools -jar app.jar extract --layers --destination");
		Path image = this.work.resolve("image");
		// The same tree as the layers copied one over the other.
		try (PackagedJar extract = PackagedJar.launch(List.of("-Djarmode=tools", "-jar",
				DemoJar.path().toAbsolutePath().toString(), "extract", "--destination", image.toString()))) {
			assertThat(extract.awaitExit()).as(extract.output()).isZero();
		}
		Path jar = image.resolve(DemoJar.path().getFileName());
		assertThat(jar).exists();
		Files.move(jar, image.resolve("app.jar"));
		// What the image's training run writes with AOT_CACHE=false: a cache is valid
		// only
		// for the JVM that wrote it, not this host's.
		Files.writeString(image.resolve("jvm.options"), "");
		return image;
	}

	@SuppressWarnings("unchecked")
	private static int containerPort(Map<String, Object> container, Object port) {
		if (port instanceof Integer number) {
			return number;
		}
		for (Map<String, Object> named : (List<Map<String, Object>>) container.get("ports")) {
			if (port.equals(named.get("name"))) {
				return (Integer) named.get("containerPort");
			}
		}
		throw new AssertionError("no container port named " + port);
	}

	/**
	 * The status a probe gets, once it gets 200 or after ten seconds of trying: the
	 * platforms retry too, and readiness turns on just after the startup line.
	 */
	private int awaitStatus(int port, String path) {
		AtomicInteger status = new AtomicInteger();
		try {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
				status.set(get(port, path));
				return status.get() == 200;
			});
		}
		catch (ConditionTimeoutException ex) {
			// The caller reports the last status.
		}
		return status.get();
	}

	/**
	 * A health check command's exit code, once it is 0 or after ten seconds of running it
	 * again, as Docker does.
	 */
	private static int awaitExitCode(ProcessBuilder check) {
		AtomicInteger exitCode = new AtomicInteger(-1);
		try {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
				Process process = check.redirectErrorStream(true).start();
				process.getInputStream().readAllBytes();
				exitCode.set(process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1);
				return exitCode.get() == 0;
			});
		}
		catch (ConditionTimeoutException ex) {
			// The caller reports the last exit code.
		}
		return exitCode.get();
	}

	private int get(int port, String path) throws Exception {
		return this.client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
