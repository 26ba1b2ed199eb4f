package io.serverprofiles.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Properties table and the generated metadata name the same keys, and every
 * deploy key is explained in deploy/README.md: renaming a field cannot leave the
 * documentation behind.
 */
class DocumentedPropertiesTests {

	private static final Pattern TABLE_KEY = Pattern.compile("^\\| `(server-profiles\\.[^`]+)`", Pattern.MULTILINE);

	@Test
	void theReadmeTableListsEveryKeyOfTheMetadataAndNoOther() throws IOException {
		Set<String> metadata = metadataKeys();
		Set<String> table = tableKeys(Files.readString(Path.of("../README.md")));
		Set<String> undocumented = new TreeSet<>(metadata);
		undocumented.removeIf((key) -> table.contains(key) || coveredByWildcard(key, table));
		Set<String> unknown = new TreeSet<>(table);
		unknown.removeIf((key) -> metadata.contains(key)
				|| (key.endsWith(".*") && metadata.stream().anyMatch((name) -> coveredByWildcard(name, Set.of(key)))));
		assertThat(undocumented).as("keys in the metadata but not in README.md's Properties table").isEmpty();
		assertThat(unknown).as("keys in README.md's Properties table that no class binds").isEmpty();
	}

	@Test
	void deployReadmeNamesEveryDeployKey() throws IOException {
		String deployReadme = Files.readString(Path.of("../deploy/README.md"));
		Set<String> missing = new TreeSet<>(metadataKeys());
		missing.removeIf((key) -> !key.startsWith("server-profiles.deploy.") || deployReadme.contains(key)
				|| deployReadme.contains("`" + key.substring(key.lastIndexOf('.') + 1) + "`"));
		assertThat(missing).as("deploy keys deploy/README.md does not explain").isEmpty();
	}

	private static boolean coveredByWildcard(String key, Set<String> table) {
		return table.stream()
			.anyMatch((entry) -> entry.endsWith(".*") && key.startsWith(entry.substring(0, entry.length() - 1)));
	}

	private static Set<String> tableKeys(String readme) {
		int start = readme.indexOf("## Properties");
		assertThat(start).as("README.md has a Properties section").isNotNegative();
		String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
		Set<String> keys = new TreeSet<>();
		Matcher matcher = TABLE_KEY.matcher(section);
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
		return keys;
	}

	@SuppressWarnings("unchecked")
	private static Set<String> metadataKeys() throws IOException {
		try (InputStream in = DocumentedPropertiesTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			Map<String, Object> metadata = JsonMapper.builder().build().readValue(in, Map.class);
			Set<String> keys = new TreeSet<>();
			for (Map<String, Object> property : (List<Map<String, Object>>) metadata.get("properties")) {
				String name = (String) property.get("name");
				if (name.startsWith("server-profiles.")) {
					keys.add(name);
				}
			}
			return keys;
		}
	}

}
