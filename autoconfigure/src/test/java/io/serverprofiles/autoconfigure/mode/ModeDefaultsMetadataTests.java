package io.serverprofiles.autoconfigure.mode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import io.serverprofiles.autoconfigure.dev.DevServerDefaults;
import io.serverprofiles.autoconfigure.prod.ProdServerDefaults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key the mode defaults set is a live Spring Boot property. Boot renames keys
 * between versions (4.0 moved {@code server.error.*} to {@code spring.web.error.*}); a
 * renamed key would silently do nothing.
 */
class ModeDefaultsMetadataTests {

	private static final Map<String, JsonNode> properties = new HashMap<>();

	@BeforeAll
	static void readMetadataOfEveryJar() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL url : Collections.list(ModeDefaultsMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				mapper.readTree(in).path("properties").forEach((p) -> properties.put(p.path("name").asString(), p));
			}
		}
	}

	@Test
	void devDefaultsUseOnlyKnownUndeprecatedProperties() {
		assertKnownAndCurrent(DevServerDefaults.properties());
	}

	@Test
	void prodDefaultsUseOnlyKnownUndeprecatedProperties() {
		assertKnownAndCurrent(ProdServerDefaults.properties());
		assertKnownAndCurrent(ProdServerDefaults.properties(true));
	}

	private void assertKnownAndCurrent(Map<String, Object> defaults) {
		assertThat(properties).hasSizeGreaterThan(100);
		defaults.keySet().forEach((key) -> {
			String name = metadataName(key);
			assertThat(properties).as("metadata of %s", key).containsKey(name);
			assertThat(properties.get(name).has("deprecation")).as("%s is deprecated", key).isFalse();
		});
	}

	/**
	 * The key itself, or the map property it is an entry of: the metadata knows
	 * {@code logging.level}, not {@code logging.level.org.apache}.
	 */
	private String metadataName(String key) {
		return properties.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().path("type").asString().startsWith("java.util.Map<"))
			.map(Map.Entry::getKey)
			.filter((map) -> key.startsWith(map + "."))
			.findFirst()
			.orElse(key);
	}

}
