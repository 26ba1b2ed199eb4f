package io.serverprofiles.autoconfigure.prod;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.serverprofiles.autoconfigure.mode.ModeDefaults;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.web.ProbePaths;

import org.springframework.core.env.Environment;

import org.springframework.util.unit.DataSize;

/**
 * Defaults of the prod server, added below every property the user sets. Values that
 * {@link ProdServerProperties} owns are placeholders, so that one
 * {@code server-profiles.prod.*} key moves every Boot property that must agree with it.
 */
public final class ProdServerDefaults implements ModeDefaults {

	private static final ProdServerProperties DEFAULTS = new ProdServerProperties();

	/**
	 * Requests a connection serves before the server closes it: nginx's upstream
	 * {@code keepalive_requests}.
	 */
	public static final int KEEP_ALIVE_REQUESTS = 1000;

	private static final String TEXT_TYPES = "text/html,text/xml,text/plain,text/css,text/javascript,"
			+ "application/javascript,application/json,application/problem+json,application/xml,image/svg+xml";

	@Override
	public ServerMode.Mode mode() {
		return ServerMode.Mode.PROD;
	}

	@Override
	public Map<String, Object> properties(Environment environment) {
		return properties(ProbePaths.livenessOnManagementPort(environment));
	}

	/**
	 * The defaults with the actuator on the main port.
	 * @return the defaults
	 */
	public static Map<String, Object> properties() {
		return properties(false);
	}

	/**
	 * The defaults.
	 * @param livenessOnManagementPort whether the actuator has a port of its own and
	 * liveness goes there ({@link ProbePaths#livenessOnManagementPort})
	 * @return the defaults
	 */
	public static Map<String, Object> properties(boolean livenessOnManagementPort) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.shutdown", "graceful");
		properties.put("spring.lifecycle.timeout-per-shutdown-phase",
				ref("shutdown-timeout", DEFAULTS.getShutdownTimeout()));
		// Forwarded headers are applied by TrustedProxiesFilter; the containers' own
		// support (which Boot switches on in Kubernetes, and which trusts every peer
		// on Jetty) stays off.
		properties.put("server.forward-headers-strategy", "none");
		properties.put("server.compression.enabled", "true");
		properties.put("server.compression.mime-types", TEXT_TYPES);
		properties.put("spring.web.error.include-message", "never");
		properties.put("spring.web.error.include-binding-errors", "never");
		properties.put("spring.web.error.include-stacktrace", "never");
		properties.put("spring.web.error.include-exception", "false");
		properties.put("server.servlet.session.cookie.secure", "true");
		properties.put("server.servlet.session.cookie.http-only", "true");
		properties.put("server.servlet.session.cookie.same-site", "lax");
		properties.put("server.max-http-request-header-size", "8KB");
		// Tomcat logs its first malformed request at INFO with a stack trace; the limits
		// feature logs every refusal in one line instead.
		properties.put("logging.level.org.apache.coyote.http11.Http11Processor", "WARN");
		putLimits(properties);
		putTimeouts(properties);
		properties.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		properties.put("management.endpoint.health.show-details", "never");
		properties.put("management.endpoint.health.show-components", "never");
		properties.put("management.endpoint.health.probes.enabled", "true");
		properties.put("management.endpoint.health.probes.add-additional-paths", "true");
		if (livenessOnManagementPort) {
			putLivenessOnTheManagementPort(properties);
		}
		// JSON lines for log shippers; the access log's fields become JSON fields too.
		properties.put("logging.structured.format.console", "ecs");
		// devtools may still be on the classpath (an IDE run with mode=prod):
		// keep it quiet.
		properties.put("spring.devtools.add-properties", "false");
		properties.put("spring.devtools.restart.enabled", "false");
		return properties;
	}

	/**
	 * Liveness where request load cannot starve it: the management port's own connector
	 * and threads. A busy instance is not restarted; readiness stays on the main port
	 * (Boot's {@code server:/readyz}), where a saturated instance looks not-ready. Boot
	 * maps {@code management:} paths only when that port is separate, hence the
	 * condition.
	 */
	private static void putLivenessOnTheManagementPort(Map<String, Object> properties) {
		// A group named in properties replaces Boot's probe group: give it
		// the same member.
		properties.put("management.endpoint.health.group.liveness.include", "livenessState");
		properties.put("management.endpoint.health.group.liveness.additional-path",
				"management:" + ProbePaths.LIVENESS);
	}

	private static void putLimits(Map<String, Object> properties) {
		String maxRequestSize = ref("max-request-size", DEFAULTS.getMaxRequestSize());
		properties.put("spring.servlet.multipart.max-request-size", maxRequestSize);
		properties.put("spring.servlet.multipart.max-file-size", maxRequestSize);
		properties.put("server.tomcat.max-swallow-size", maxRequestSize);
		String maxFormSize = ref("max-form-size", DEFAULTS.getMaxFormSize());
		properties.put("server.tomcat.max-http-form-post-size", maxFormSize);
		properties.put("server.jetty.max-http-form-post-size", maxFormSize);
	}

	private static void putTimeouts(Map<String, Object> properties) {
		properties.put("server.tomcat.connection-timeout", ref("connection-timeout", DEFAULTS.getConnectionTimeout()));
		String keepAlive = ref("keep-alive-timeout", DEFAULTS.getKeepAliveTimeout());
		properties.put("server.tomcat.keep-alive-timeout", keepAlive);
		// Jetty has one idle timeout for both phases of a connection.
		properties.put("server.jetty.connection-idle-timeout", keepAlive);
		// As many requests a connection as nginx's upstream keepalive_requests (its
		// default, written out in the rendered site), so that nginx, not Tomcat's 100,
		// decides when a kept-alive connection is replaced. Jetty sets no such limit.
		properties.put("server.tomcat.max-keep-alive-requests", String.valueOf(KEEP_ALIVE_REQUESTS));
	}

	private static String ref(String name, Object defaultValue) {
		return "${server-profiles.prod." + name + ":" + written(defaultValue) + "}";
	}

	/**
	 * A default the way a user writes it ("30000ms", "10485760B"), not ISO-8601.
	 */
	private static String written(Object value) {
		if (value instanceof Duration duration) {
			return duration.toMillis() + "ms";
		}
		if (value instanceof DataSize size) {
			return size.toBytes() + "B";
		}
		return String.valueOf(value);
	}

}
