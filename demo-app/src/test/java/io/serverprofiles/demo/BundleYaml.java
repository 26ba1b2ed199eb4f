package io.serverprofiles.demo;

import java.util.List;
import java.util.Map;

import io.serverprofiles.test.DeployBundle;
import org.yaml.snakeyaml.Yaml;

/**
 * The YAML files of a deploy bundle (compose, Kubernetes), read as maps and lists, and
 * values found in them by path.
 */
final class BundleYaml {

	private BundleYaml() {
	}

	/**
	 * The first YAML document of a file of the bundle.
	 * @param bundle the bundle
	 * @param relative the file, e.g. {@code docker/compose.yaml}
	 * @return the document as a map
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(DeployBundle bundle, String relative) {
		return (Map<String, Object>) new Yaml().load(bundle.text(relative));
	}

	/**
	 * A value by path through maps and lists: {@code "spec.template.spec.containers.0"}.
	 * @param document the YAML document
	 * @param path dot-separated keys and list indexes
	 * @param <T> the expected type
	 * @return the value
	 */
	@SuppressWarnings("unchecked")
	static <T> T at(Object document, String path) {
		Object current = document;
		for (String key : path.split("\\.")) {
			if (current instanceof List<?> list) {
				current = list.get(Integer.parseInt(key));
			}
			else if (current instanceof Map<?, ?> map) {
				current = map.get(key);
			}
			else {
				throw new IllegalArgumentException("no '" + key + "' in " + path + " (at " + current + ")");
			}
		}
		return (T) current;
	}

}
