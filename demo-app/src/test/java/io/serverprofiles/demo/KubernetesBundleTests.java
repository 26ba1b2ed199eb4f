package io.serverprofiles.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.serverprofiles.test.DeployBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.serverprofiles.demo.BundleYaml.at;
import static io.serverprofiles.demo.BundleYaml.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests of the exported bundle agree with the application: probe paths
 * it serves, the port it listens on, limits it has, and a grace period longer than its
 * drain plus its graceful shutdown (here 7s and 20s, set the way a user would). The app
 * runs with a management port, as the Deployment runs it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesBundleTests {

	private static final long DRAIN_SECONDS = 7;

	private static final long SHUTDOWN_SECONDS = 20;

	private static final int APP_PORT = 9090;

	/**
	 * management.server.port in the bundle: the app port + 1 unless set.
	 */
	private static final int MANAGEMENT_PORT = APP_PORT + 1;

	@LocalServerPort
	private int runningPort;

	@LocalManagementPort
	private int runningManagementPort;

	@TempDir
	static Path directory;

	private DeployBundle bundle;

	@BeforeAll
	void export() throws Exception {
		this.bundle = DeployBundle.export(DemoApplication.class, directory, "--server.port=" + APP_PORT,
				"--server-profiles.prod.drain-delay=" + DRAIN_SECONDS + "s",
				"--server-profiles.prod.shutdown-timeout=" + SHUTDOWN_SECONDS + "s");
	}

	@Test
	void kubernetesProbePathsAreServedByTheApp() throws Exception {
		Map<String, Object> container = container();
		Map<String, Integer> runningPorts = Map.of("http", this.runningPort, "management", this.runningManagementPort);
		for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
			String path = at(container, probe + ".httpGet.path");
			String port = at(container, probe + ".httpGet.port");
			assertThat(getFromRunningApp(runningPorts.get(port), path)).as(probe + " " + path + " on " + port)
				.isEqualTo(200);
		}
		// Liveness where request load cannot starve it, readiness where it shows it.
		assertThat((String) at(container, "livenessProbe.httpGet.port")).isEqualTo("management");
		assertThat((String) at(container, "startupProbe.httpGet.port")).isEqualTo("management");
		assertThat((String) at(container, "readinessProbe.httpGet.port")).isEqualTo("http");
		assertThat((String) at(container, "readinessProbe.httpGet.path")).isEqualTo("/readyz");
	}

	@Test
	void noServiceOrIngressReachesTheManagementPort() {
		Map<String, Object> container = container();
		assertThat((String) at(container, "ports.1.name")).isEqualTo("management");
		assertThat((int) at(container, "ports.1.containerPort")).isEqualTo(APP_PORT + 1);
		assertThat((List<Map<String, Object>>) at(container, "env"))
			.contains(Map.of("name", "MANAGEMENT_SERVER_PORT", "value", String.valueOf(APP_PORT + 1)));
		List<Map<String, Object>> servicePorts = at(yaml(this.bundle, "kubernetes/service.yaml"), "spec.ports");
		assertThat(servicePorts).extracting((port) -> port.get("targetPort")).containsExactly("http");
		String backend = "spec.rules.0.http.paths.0.backend.service.port.name";
		assertThat((String) at(yaml(this.bundle, "kubernetes/ingress.yaml"), backend)).isEqualTo("http");
	}

	@Test
	void kubernetesGracePeriodIsLongerThanDrainPlusShutdown() {
		int grace = at(yaml(this.bundle, "kubernetes/deployment.yaml"),
				"spec.template.spec.terminationGracePeriodSeconds");
		assertThat(grace).isGreaterThan((int) (DRAIN_SECONDS + SHUTDOWN_SECONDS));
	}

	@Test
	void kubernetesPortsNamesAndSelectorsAgree() {
		Map<String, Object> deployment = yaml(this.bundle, "kubernetes/deployment.yaml");
		Map<String, Object> service = yaml(this.bundle, "kubernetes/service.yaml");
		Map<String, Object> ingress = yaml(this.bundle, "kubernetes/ingress.yaml");
		assertThat((int) at(container(), "ports.0.containerPort")).isEqualTo(APP_PORT);
		assertThat((String) at(container(), "ports.0.name")).isEqualTo(at(service, "spec.ports.0.targetPort"));
		Map<String, Object> labels = at(deployment, "spec.template.metadata.labels");
		assertThat(labels).containsAllEntriesOf(at(service, "spec.selector"))
			.containsAllEntriesOf(at(deployment, "spec.selector.matchLabels"))
			.containsAllEntriesOf(at(yaml(this.bundle, "kubernetes/pdb.yaml"), "spec.selector.matchLabels"));
		String backend = "spec.rules.0.http.paths.0.backend.service.";
		assertThat((String) at(ingress, backend + "name")).isEqualTo(at(service, "metadata.name"));
		assertThat((String) at(ingress, backend + "port.name")).isEqualTo(at(service, "spec.ports.0.name"));
		Map<String, String> annotations = at(ingress, "metadata.annotations");
		assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "10m")
			.containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", String.valueOf(SHUTDOWN_SECONDS));
		assertThat((String) at(yaml(this.bundle, "kubernetes/hpa.yaml"), "spec.scaleTargetRef.name"))
			.isEqualTo(at(deployment, "metadata.name"));
		List<String> resources = at(yaml(this.bundle, "kubernetes/kustomization.yaml"), "resources");
		assertThat(resources).allSatisfy((file) -> assertThat(this.bundle.path("kubernetes/" + file)).exists());
	}

	@Test
	void theRouteSendsTheServerNameToTheServiceWithTheAppsTimeout() {
		Map<String, Object> route = yaml(this.bundle, "kubernetes/httproute.yaml");
		Map<String, Object> service = yaml(this.bundle, "kubernetes/service.yaml");
		assertThat((String) at(route, "spec.parentRefs.0.name")).isEqualTo("gateway");
		assertThat((List<String>) at(route, "spec.hostnames")).containsExactly("localhost");
		assertThat((String) at(route, "spec.rules.0.backendRefs.0.name")).isEqualTo(at(service, "metadata.name"));
		assertThat((int) at(route, "spec.rules.0.backendRefs.0.port")).isEqualTo(at(service, "spec.ports.0.port"));
		assertThat((String) at(route, "spec.rules.0.timeouts.request")).isEqualTo(SHUTDOWN_SECONDS + "s");
		assertThat((List<String>) at(yaml(this.bundle, "kubernetes/kustomization.yaml"), "resources"))
			.contains("httproute.yaml")
			.doesNotContain("ingress.yaml");
	}

	@Test
	void onlyTheProxiesReachTheAppPortAndOnlyMonitoringTheManagementPort() {
		Map<String, Object> policy = yaml(this.bundle, "kubernetes/networkpolicy.yaml");
		assertThat((Map<String, Object>) at(policy, "spec.podSelector.matchLabels"))
			.containsAllEntriesOf(at(yaml(this.bundle, "kubernetes/deployment.yaml"), "spec.template.metadata.labels"));
		assertThat((List<String>) at(policy, "spec.policyTypes")).containsExactly("Ingress");
		List<Map<String, Object>> rules = at(policy, "spec.ingress");
		assertThat(rules).extracting((rule) -> at(rule, "from.0.namespaceSelector.matchLabels"))
			.containsExactly(Map.of("kubernetes.io/metadata.name", "gateway"),
					Map.of("kubernetes.io/metadata.name", "monitoring"));
		List<Map<String, Object>> ports = at(container(), "ports");
		Map<Object, Object> containerPorts = new HashMap<>();
		ports.forEach((port) -> containerPorts.put(port.get("name"), port.get("containerPort")));
		assertThat(rules).extracting((rule) -> containerPorts.get(at(rule, "ports.0.port")))
			.containsExactly(APP_PORT, MANAGEMENT_PORT);
	}

	@Test
	void theAutoscalerOwnsTheReplicasAndDisruptionsTakeOnePodAtATime() {
		Map<String, Object> deployment = yaml(this.bundle, "kubernetes/deployment.yaml");
		assertThat((Map<String, Object>) at(deployment, "spec")).doesNotContainKey("replicas");
		assertThat((int) at(yaml(this.bundle, "kubernetes/hpa.yaml"), "spec.minReplicas")).isGreaterThanOrEqualTo(2);
		Map<String, Object> pdb = at(yaml(this.bundle, "kubernetes/pdb.yaml"), "spec");
		assertThat(pdb).containsEntry("maxUnavailable", 1).doesNotContainKey("minAvailable");
		List<Map<String, Object>> spread = at(deployment, "spec.template.spec.topologySpreadConstraints");
		assertThat(spread).extracting((constraint) -> constraint.get("topologyKey"))
			.containsExactly("kubernetes.io/hostname", "topology.kubernetes.io/zone");
		assertThat(spread)
			.allSatisfy((constraint) -> assertThat((Map<String, Object>) at(constraint, "labelSelector.matchLabels"))
				.containsAllEntriesOf(at(deployment, "spec.template.metadata.labels")));
	}

	@Test
	void kubernetesRunsNonRootOnAReadOnlyFilesystemWithLimits() {
		Map<String, Object> pod = at(yaml(this.bundle, "kubernetes/deployment.yaml"), "spec.template.spec");
		assertThat((Boolean) at(pod, "securityContext.runAsNonRoot")).isTrue();
		assertThat((Boolean) at(container(), "securityContext.readOnlyRootFilesystem")).isTrue();
		assertThat((Boolean) at(container(), "securityContext.allowPrivilegeEscalation")).isFalse();
		assertThat((List<String>) at(container(), "securityContext.capabilities.drop")).containsExactly("ALL");
		assertThat((String) at(container(), "resources.limits.memory")).isNotBlank();
	}

	private Map<String, Object> container() {
		return at(yaml(this.bundle, "kubernetes/deployment.yaml"), "spec.template.spec.containers.0");
	}

	private int getFromRunningApp(int port, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
