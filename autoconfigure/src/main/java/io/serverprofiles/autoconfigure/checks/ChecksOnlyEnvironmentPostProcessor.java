package io.serverprofiles.autoconfigure.checks;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * For {@code --server-profiles.checks.only}: no web server (so no port opens), no banner,
 * and only errors on the console, so that standard output carries the report. Beans stay
 * lazy, as in the export: the application's own web beans (a Spring Security chain that
 * needs {@code HttpSecurity}) are never created in a run without a web server.
 */
public class ChecksOnlyEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!isChecksOnly(environment)) {
			return;
		}
		Map<String, Object> settings = new HashMap<>(oneShotRun());
		settings.put(ChecksProperties.ONLY, "true");
		environment.getPropertySources().addFirst(new MapPropertySource("serverProfilesChecksOnly", settings));
	}

	/**
	 * The settings of a run that prints one report and exits (the checks' CLI mode, the
	 * self-probe): no web server, lazy beans, no banner, only errors on the console.
	 * @return the settings
	 */
	public static Map<String, Object> oneShotRun() {
		return Map.of("spring.main.web-application-type", "none", "spring.main.lazy-initialization", "true",
				"spring.main.banner-mode", "off", "logging.level.root", "error");
	}

	/**
	 * Whether the CLI mode is on; a bare {@code --server-profiles.checks.only} counts.
	 */
	static boolean isChecksOnly(ConfigurableEnvironment environment) {
		String value = environment.getProperty(ChecksProperties.ONLY);
		return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
	}

}
