package io.serverprofiles.demo;

import java.util.List;
import java.util.Map;

import io.serverprofiles.test.AppContainer;
import io.serverprofiles.test.DeployBundle;

import static io.serverprofiles.demo.BundleYaml.at;
import static io.serverprofiles.demo.BundleYaml.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the rendered Kubernetes Deployment runs the app's container: its memory limit and
 * its JAVA_TOOL_OPTIONS, for running the image the same way.
 *
 * @param memoryLimit {@code resources.limits.memory}, in bytes
 * @param javaToolOptions the container's {@code JAVA_TOOL_OPTIONS}
 */
record DeploymentContainer(long memoryLimit, String javaToolOptions) {

	static DeploymentContainer of(DeployBundle bundle) {
		Map<String, Object> container = at(yaml(bundle, "kubernetes/deployment.yaml"),
				"spec.template.spec.containers.0");
		String limit = at(container, "resources.limits.memory");
		assertThat(limit).endsWith("Mi");
		List<Map<String, String>> env = at(container, "env");
		String javaToolOptions = env.stream()
			.filter((variable) -> "JAVA_TOOL_OPTIONS".equals(variable.get("name")))
			.map((variable) -> variable.get("value"))
			.findFirst()
			.orElseThrow();
		return new DeploymentContainer(Long.parseLong(limit.substring(0, limit.length() - 2)) << 20, javaToolOptions);
	}

	/**
	 * The app under this limit (no swap), with these options and more after them.
	 * @param app the app's container, not started
	 * @param moreOptions JVM options added to the Deployment's
	 * @return the container
	 */
	AppContainer run(AppContainer app, String moreOptions) {
		return app.withEnv("JAVA_TOOL_OPTIONS", this.javaToolOptions + " " + moreOptions)
			.withCreateContainerCmdModifier(
					(create) -> create.getHostConfig().withMemory(this.memoryLimit).withMemorySwap(this.memoryLimit));
	}

}
