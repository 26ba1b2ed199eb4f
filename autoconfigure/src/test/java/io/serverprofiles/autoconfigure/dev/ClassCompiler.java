package io.serverprofiles.autoconfigure.dev;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.ToolProvider;

import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles a class of a test's app into its class directory, as a build does, so that the
 * running app can be offered the new version.
 */
final class ClassCompiler {

	private ClassCompiler() {
	}

	/**
	 * Compile one class of package {@code com.example}.
	 * @param sources where to write its source
	 * @param classes where to write its class file
	 * @param name its simple name
	 * @param source its source
	 * @throws Exception when it cannot be written or located
	 */
	static void compile(Path sources, Path classes, String name, String source) throws Exception {
		Path file = Files.createDirectories(sources).resolve(name + ".java");
		Files.writeString(file, source);
		// Spring's web annotations are all it needs: a short class path compiles fast.
		String annotations = Path.of(GetMapping.class.getProtectionDomain().getCodeSource().getLocation().toURI())
			.toString();
		int status = ToolProvider.getSystemJavaCompiler()
			.run(null, null, null, "-nowarn", "--release", "17", "-cp", annotations, "-d", classes.toString(),
					file.toString());
		assertThat(status).as("javac").isZero();
	}

}
