package io.serverprofiles.demo;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.serverprofiles.test.DeployBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.serverprofiles.demo.BundleYaml.at;
import static io.serverprofiles.demo.BundleYaml.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rendered Kubernetes object read by fabric8's Kubernetes model: a misspelled field
 * (which the model keeps aside as an additional property) or a wrong type fails the
 * build, not the deploy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsModelTests {

	private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private DeployBundle bundle;

	@BeforeAll
	void export(@TempDir Path directory) {
		this.bundle = DeployBundle.export(DemoApplication.class, directory.resolve("bundle"), "--server.port=9090",
				"--server.servlet.context-path=/app");
	}

	static List<Arguments> manifests() {
		return List.of(Arguments.of("deployment.yaml", Deployment.class), Arguments.of("service.yaml", Service.class),
				Arguments.of("ingress.yaml", Ingress.class), Arguments.of("pdb.yaml", PodDisruptionBudget.class),
				Arguments.of("hpa.yaml", HorizontalPodAutoscaler.class),
				Arguments.of("networkpolicy.yaml", NetworkPolicy.class),
				Arguments.of("httproute.yaml", HTTPRoute.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyFieldIsOneTheModelKnows(String file, Class<? extends HasMetadata> type) throws Exception {
		Map<String, Object> document = yaml(this.bundle, "kubernetes/" + file);
		HasMetadata object = this.mapper.convertValue(document, type);
		assertThat(object.getKind()).isEqualTo(type.getSimpleName());
		List<String> unknown = new ArrayList<>();
		collectUnknownFields(object, type.getSimpleName(), unknown);
		assertThat(unknown).as("fields the Kubernetes model does not know").isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aMisspelledFieldIsNamed() throws Exception {
		Map<String, Object> document = yaml(this.bundle, "kubernetes/deployment.yaml");
		Map<String, Object> container = at(document, "spec.template.spec.containers.0");
		container.put("livenesProbe", container.get("livenessProbe"));
		List<String> unknown = new ArrayList<>();
		collectUnknownFields(this.mapper.convertValue(document, Deployment.class), "Deployment", unknown);
		assertThat(unknown).containsExactly("Deployment.spec.template.spec.containers[0].livenesProbe");
	}

	/**
	 * fabric8 keeps fields it does not know in {@code additionalProperties}: walk the
	 * object and name every one.
	 */
	private static void collectUnknownFields(Object value, String path, List<String> unknown) throws Exception {
		if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			if (value instanceof Collection<?> items) {
				int index = 0;
				for (Object item : items) {
					collectUnknownFields(item, path + "[" + index++ + "]", unknown);
				}
			}
			else if (value instanceof Map<?, ?> map) {
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					collectUnknownFields(entry.getValue(), path + "." + entry.getKey(), unknown);
				}
			}
			return;
		}
		for (PropertyDescriptor property : Introspector.getBeanInfo(value.getClass()).getPropertyDescriptors()) {
			Method getter = property.getReadMethod();
			if (getter == null || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object child = getter.invoke(value);
			if (property.getName().equals("additionalProperties")) {
				((Map<?, ?>) child).keySet().forEach((name) -> unknown.add(path + "." + name));
			}
			else {
				collectUnknownFields(child, path + "." + property.getName(), unknown);
			}
		}
	}

}
