package io.serverprofiles.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.SpringApplication;

/**
 * A deploy bundle exported in this JVM, through the same {@code --server-profiles.deploy.
 * export} run that {@code java -jar} does, and its files read back for checks.
 */
final class ExportedBundle {

	private final Path directory;

	private ExportedBundle(Path directory) {
		this.directory = directory;
	}

	/**
	 * Export the demo's bundle with the given command-line arguments.
	 * @param directory where to write it
	 * @param arguments arguments such as {@code --server.port=9000}
	 * @return the bundle
	 */
	static ExportedBundle export(Path directory, String... arguments) {
		List<String> args = new ArrayList<>(List.of("--server-profiles.deploy.export=" + directory));
		args.addAll(List.of(arguments));
		SpringApplication.run(DemoApplication.class, args.toArray(String[]::new)).close();
		return new ExportedBundle(directory);
	}

	/**
	 * A bundle that is already written, e.g. by the packaged jar.
	 * @param directory where it is
	 * @return the bundle
	 */
	static ExportedBundle read(Path directory) {
		return new ExportedBundle(directory);
	}

	Path path(String relative) {
		return this.directory.resolve(relative);
	}

	String text(String relative) {
		try {
			return Files.readString(path(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The YAML documents of a file.
	 * @param relative the file
	 * @return the first document as a map
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> yaml(String relative) {
		return (Map<String, Object>) new Yaml().load(text(relative));
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
