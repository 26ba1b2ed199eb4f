package io.serverprofiles.autoconfigure.dev;

import java.util.LinkedHashMap;
import java.util.Map;

import io.serverprofiles.autoconfigure.mode.ModeDefaults;
import io.serverprofiles.autoconfigure.mode.ServerMode;

import org.springframework.core.env.Environment;

/**
 * Defaults of the dev server, added below every property the user sets.
 */
public final class DevServerDefaults implements ModeDefaults {

	/**
	 * How often devtools scans for changed classes where the JDK has no file events
	 * (macOS); elsewhere {@link FileEventWatcher} is told of changes and never scans.
	 * Stock devtools waits 1s; a small build output scans in well under a millisecond.
	 */
	static final String RESTART_POLL_INTERVAL = "100ms";

	/**
	 * How long the classpath must stay unchanged before its changes are acted on (the
	 * watcher's settle time). Stock is 400ms; javac writes a module's classes within a
	 * few milliseconds.
	 */
	static final String RESTART_QUIET_PERIOD = "50ms";

	@Override
	public ServerMode.Mode mode() {
		return ServerMode.Mode.DEV;
	}

	@Override
	public Map<String, Object> properties(Environment environment) {
		return properties();
	}

	public static Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.address", "127.0.0.1");
		properties.put("server.shutdown", "immediate");
		properties.put("spring.web.error.include-message", "always");
		properties.put("spring.web.error.include-binding-errors", "always");
		properties.put("spring.web.error.include-stacktrace", "always");
		properties.put("spring.web.error.include-exception", "true");
		properties.put("management.endpoints.web.exposure.include", "*");
		properties.put("management.endpoint.health.show-details", "always");
		properties.put("management.endpoint.health.show-components", "always");
		properties.put("management.endpoint.health.probes.enabled", "true");
		properties.put("management.endpoint.health.probes.add-additional-paths", "true");
		properties.put("spring.web.resources.cache.period", "0");
		properties.put("spring.web.resources.chain.cache", "false");
		properties.put("spring.devtools.restart.poll-interval", RESTART_POLL_INTERVAL);
		properties.put("spring.devtools.restart.quiet-period", RESTART_QUIET_PERIOD);
		return properties;
	}

}
