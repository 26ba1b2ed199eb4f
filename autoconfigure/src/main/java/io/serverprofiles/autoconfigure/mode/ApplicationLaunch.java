package io.serverprofiles.autoconfigure.mode;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where the application's main class was loaded from: a build's output directory (a
 * development run: {@code spring-boot:run}, Gradle's {@code bootRun}, an IDE) or a
 * packaged form (the executable jar, its extracted layout with or without the launcher, a
 * Jib-style flat classpath). devtools on the classpath says nothing: packaged forms may
 * carry it.
 */
public final class ApplicationLaunch {

	/**
	 * Output directories of Maven ({@code target/classes}), Gradle
	 * ({@code build/classes/java/main}), IntelliJ ({@code out/production/app}) and
	 * Eclipse Buildship ({@code bin/main}), main and test alike.
	 */
	private static final Pattern BUILD_OUTPUT = Pattern.compile(
			".*/(target/(test-)?classes|build/classes/[^/]+/(main|test)|out/(production|test)/[^/]+|bin/(main|test))");

	/**
	 * Test runners (devtools' own list): a test class comes from the build's output too,
	 * yet tests get the prod server.
	 */
	private static final List<String> TEST_RUNNERS = List.of("org.junit.runners.", "org.junit.platform.",
			"org.springframework.boot.test.", "cucumber.runtime.", "io.cucumber.");

	private final boolean developmentRun;

	private final String description;

	private ApplicationLaunch(boolean developmentRun, String description) {
		this.developmentRun = developmentRun;
		this.description = description;
	}

	/**
	 * The launch of the application starting on the current thread.
	 * @param mainClass the application's main class, if known
	 * @return how it was launched
	 */
	public static ApplicationLaunch current(@Nullable Class<?> mainClass) {
		boolean underTest = StackWalker.getInstance()
			.walk((frames) -> frames.anyMatch((frame) -> isTestRunner(frame.getClassName())));
		return underTest ? new ApplicationLaunch(false, "started by a test runner") : of(mainClass);
	}

	private static boolean isTestRunner(String className) {
		return TEST_RUNNERS.stream().anyMatch(className::startsWith);
	}

	/**
	 * The launch of an application whose main class is given.
	 * @param mainClass the application's main class, if known
	 * @return how it was launched
	 */
	public static ApplicationLaunch of(@Nullable Class<?> mainClass) {
		if (mainClass == null) {
			return new ApplicationLaunch(false, "no main class to tell a development run from a packaged one");
		}
		CodeSource source = mainClass.getProtectionDomain().getCodeSource();
		return of((source != null) ? source.getLocation() : null);
	}

	static ApplicationLaunch of(@Nullable URL location) {
		if (location == null || !"file".equals(location.getProtocol())) {
			// Boot's launcher loads the jar's classes through its nested: (or jar:) URLs.
			return new ApplicationLaunch(false, "launched from a packaged jar");
		}
		try {
			return of(Path.of(location.toURI()));
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return new ApplicationLaunch(false, "launched from " + location);
		}
	}

	static ApplicationLaunch of(Path location) {
		if (!Files.isDirectory(location)) {
			return new ApplicationLaunch(false, "launched from a packaged jar");
		}
		String path = location.toAbsolutePath().normalize().toString().replace('\\', '/');
		if (BUILD_OUTPUT.matcher(path).matches()) {
			return new ApplicationLaunch(true,
					"started from the build's output " + shown(location) + ": spring-boot:run, bootRun or an IDE");
		}
		if (path.endsWith("/BOOT-INF/classes")) {
			return new ApplicationLaunch(false, "launched from an extracted jar");
		}
		return new ApplicationLaunch(false, "classes in " + path + " are not a build's output (target/classes, "
				+ "build/classes/java/main): a packaged layout");
	}

	/**
	 * Whether the application runs from a build's output, as it does during development.
	 * @return whether this is a development run
	 */
	public boolean isDevelopmentRun() {
		return this.developmentRun;
	}

	/**
	 * How the application was launched, in words for the startup line.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	private static String shown(Path location) {
		Path absolute = location.toAbsolutePath().normalize();
		Path workingDirectory = Path.of("").toAbsolutePath();
		Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
		return shown.toString().replace('\\', '/');
	}

	@Override
	public String toString() {
		return this.description;
	}

}
