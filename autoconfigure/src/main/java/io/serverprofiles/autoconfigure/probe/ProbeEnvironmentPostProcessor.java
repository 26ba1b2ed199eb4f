package io.serverprofiles.autoconfigure.probe;

import java.util.HashMap;
import java.util.Map;

import io.serverprofiles.autoconfigure.checks.ChecksOnlyEnvironmentPostProcessor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * For {@code --server-profiles.probe=URL}: the short form becomes
 * {@code server-profiles.probe.url}, and the run is a one-shot like the checks' CLI mode
 * ({@link ChecksOnlyEnvironmentPostProcessor#oneShotRun()}): no port opens, and standard
 * output carries the report.
 */
public class ProbeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = url(environment);
		if (url == null) {
			return;
		}
		Map<String, Object> settings = new HashMap<>(ChecksOnlyEnvironmentPostProcessor.oneShotRun());
		settings.put(ProbeProperties.URL, url);
		environment.getPropertySources().addFirst(new MapPropertySource("serverProfilesProbe", settings));
	}

	/**
	 * The URL to probe: {@code server-profiles.probe.url}, or the short form.
	 */
	static @Nullable String url(ConfigurableEnvironment environment) {
		String url = environment.getProperty(ProbeProperties.URL);
		if (!StringUtils.hasText(url)) {
			url = environment.getProperty(ProbeProperties.PREFIX);
		}
		return StringUtils.hasText(url) ? url.strip() : null;
	}

}
