package io.serverprofiles.autoconfigure.deploy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverprofiles.autoconfigure.headers.SecurityHeaders;
import io.serverprofiles.autoconfigure.headers.SecurityHeadersProperties;
import io.serverprofiles.autoconfigure.net.CidrRange;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * The values of every {@code ${NAME}} in the deploy templates: the one table that says
 * which value comes from the application and which from {@link DeployProperties}.
 * deploy/README.md documents the same names.
 */
final class Placeholders {

	/**
	 * The smallest heap a rendered bundle gives the application.
	 */
	static final DataSize MIN_HEAP = DataSize.ofMegabytes(128);

	/**
	 * The embedded server's work directory beside the spooled uploads, in MiB.
	 */
	private static final long TMP_WORK_MIB = 64;

	private Placeholders() {
	}

	/**
	 * Every placeholder and its values. Most have one value; a line that uses one with
	 * several (UPSTREAM_SERVER) is written once per value.
	 * @param app the application's settings
	 * @param deploy the deploy settings
	 * @return the values by name
	 */
	static Map<String, List<String>> of(AppSettings app, DeployProperties deploy) {
		return of(app, deploy, new SecurityHeadersProperties());
	}

	/**
	 * Every placeholder's value, the app's security headers included.
	 * @param app the application's effective settings
	 * @param deploy the deploy settings
	 * @param headers the prod server's security headers, which nginx's own answers copy
	 * @return the values by name
	 */
	static Map<String, List<String>> of(AppSettings app, DeployProperties deploy, SecurityHeadersProperties headers) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		// From the application.
		put(values, "APP_NAME", app.name());
		put(values, "APP_PORT", app.port());
		put(values, "MANAGEMENT_PORT", app.managementPort());
		put(values, "CONTEXT_PATH", rootOrPath(app.contextPath()));
		// The management port has no servlet context path: its own base path, if any.
		put(values, "MANAGEMENT_BASE_PATH", rootOrPath(app.managementBasePath()));
		put(values, "ACTUATOR_BASE_PATH", trimSlash(app.actuatorBasePath()));
		put(values, "CLIENT_MAX_BODY_SIZE", nginxSize(app.prod().getMaxRequestSize()));
		put(values, "CLIENT_TIMEOUT", nginxTime(app.prod().getConnectionTimeout()));
		put(values, "CLIENT_TIMEOUT_SECONDS", seconds(app.prod().getConnectionTimeout()));
		put(values, "KEEPALIVE_TIMEOUT", nginxTime(app.prod().getKeepAliveTimeout()));
		put(values, "UPSTREAM_KEEPALIVE_TIMEOUT", nginxTime(app.prod().getKeepAliveTimeout().dividedBy(2)));
		put(values, "PROXY_READ_TIMEOUT", nginxTime(app.prod().getShutdownTimeout()));
		put(values, "PROXY_READ_TIMEOUT_SECONDS", seconds(app.prod().getShutdownTimeout()));
		put(values, "SHUTDOWN_TIMEOUT_SECONDS", seconds(app.prod().getShutdownTimeout()));
		put(values, "DRAIN_DELAY_SECONDS", seconds(app.drainDelay()));
		put(values, "KUBERNETES_DRAIN_DELAY_SECONDS", seconds(app.kubernetesDrainDelay()));
		put(values, "TIMEOUT_STOP_SECONDS", seconds(app.stopTime()));
		put(values, "STOP_GRACE_PERIOD", seconds(app.stopTime()) + "s");
		put(values, "TERMINATION_GRACE_PERIOD_SECONDS", seconds(app.kubernetesStopTime()));
		// From the deployment.
		values.put("UPSTREAM_SERVER", deploy.getUpstream().isEmpty() ? List.of("127.0.0.1:" + app.port())
				: List.copyOf(deploy.getUpstream()));
		put(values, "SERVER_NAME", deploy.getServerName());
		put(values, "HTTPS_AUTHORITY", httpsAuthority(deploy));
		// unix: trusts only UNIX sockets, on which nginx does not listen: no outer proxy.
		values.put("OUTER_PROXY",
				deploy.getOuterProxies().isEmpty() ? List.of("unix:") : List.copyOf(deploy.getOuterProxies()));
		put(values, "HSTS", hsts(headers));
		put(values, "LISTEN_ADDRESS", deploy.getListenAddress());
		put(values, "HTTP_PORT", deploy.getHttpPort());
		put(values, "HTTPS_PORT", deploy.getHttpsPort());
		put(values, "RATE_LIMIT", deploy.getRateLimit() + "r/s");
		put(values, "RATE_LIMIT_RPS", deploy.getRateLimit());
		put(values, "RATE_LIMIT_BURST", deploy.getRateLimitBurst());
		put(values, "PROBE_RATE_LIMIT", (deploy.getRateLimit() * 10) + "r/s");
		put(values, "CONNECTION_LIMIT", deploy.getConnectionLimit());
		put(values, "STATIC_ROOT", orDefault(deploy.getStaticRoot(), "/srv/" + app.name() + "/static"));
		put(values, "ACCESS_LOG", deploy.getAccessLog());
		put(values, "ERROR_LOG", deploy.getErrorLog());
		put(values, "IMAGE", orDefault(deploy.getImage(), app.name() + ":" + orDefault(app.version(), "latest")));
		put(values, "NGINX_IMAGE", deploy.getNginxImage());
		put(values, "MEMORY_LIMIT_MIB", deploy.getMemoryLimit().toMegabytes());
		put(values, "TMP_SIZE_MIB", tmpSize(app).toMegabytes());
		put(values, "JAVA_OPTIONS", "-Xmx" + heap(deploy).toMegabytes() + "m -XX:+ExitOnOutOfMemoryError");
		put(values, "COMPOSE_SUBNET", deploy.getComposeSubnet());
		put(values, "COMPOSE_NGINX_ADDRESS", composeNginxAddress(deploy.getComposeSubnet()));
		put(values, "GATEWAY_NAME", deploy.getGatewayName());
		put(values, "GATEWAY_NAMESPACE", deploy.getGatewayNamespace());
		put(values, "PROXY_NAMESPACE", deploy.getProxyNamespace());
		put(values, "MONITORING_NAMESPACE", deploy.getMonitoringNamespace());
		return values;
	}

	/**
	 * The heap: what the memory limit leaves beside the non-heap budget, at least
	 * {@link #MIN_HEAP}.
	 */
	static DataSize heap(DeployProperties deploy) {
		long heap = deploy.getMemoryLimit().toMegabytes() - deploy.getNonHeap().toMegabytes();
		if (heap < MIN_HEAP.toMegabytes()) {
			throw new InvalidConfigurationPropertyValueException("server-profiles.deploy.memory-limit",
					deploy.getMemoryLimit().toMegabytes() + "MB",
					"It leaves " + heap + "MB of heap beside server-profiles.deploy.non-heap ("
							+ deploy.getNonHeap().toMegabytes() + "MB); raise the memory limit to at least "
							+ (deploy.getNonHeap().toMegabytes() + MIN_HEAP.toMegabytes()) + "MB or lower non-heap");
		}
		return DataSize.ofMegabytes(heap);
	}

	/**
	 * Room for /tmp: every request thread spooling an upload at the size limit, and the
	 * embedded server's work directory.
	 */
	static DataSize tmpSize(AppSettings app) {
		long uploads = app.requestThreads() * app.prod().getMaxRequestSize().toBytes();
		return DataSize.ofMegabytes((uploads + (1 << 20) - 1) / (1 << 20) + TMP_WORK_MIB);
	}

	/**
	 * nginx's address on the compose network: the subnet's address + 2, after the network
	 * address and Docker's gateway.
	 */
	static String composeNginxAddress(String subnet) {
		try {
			CidrRange range = CidrRange.parse(subnet);
			if (range.isIpv4() && range.prefix() <= 29) {
				return range.address(2).getHostAddress();
			}
		}
		catch (IllegalArgumentException ex) {
			// Told below, with the fix.
		}
		throw new InvalidConfigurationPropertyValueException("server-profiles.deploy.compose-subnet", subnet,
				"Give an IPv4 subnet of /29 or larger, such as 172.30.253.0/29");
	}

	/**
	 * Where the HTTP site redirects to: the first configured name, and the HTTPS port
	 * unless it is the default one. Never the client's Host.
	 */
	private static String httpsAuthority(DeployProperties deploy) {
		String name = deploy.getServerName().strip().split("\\s+")[0];
		return (deploy.getHttpsPort() == 443) ? name : name + ":" + deploy.getHttpsPort();
	}

	/**
	 * The app's Strict-Transport-Security value, or empty (nginx then sends none) when
	 * the app sends none.
	 */
	private static String hsts(SecurityHeadersProperties headers) {
		String value = headers.isEnabled() ? SecurityHeaders.strictTransportSecurity(headers.getHsts()) : null;
		return (value != null) ? value : "";
	}

	private static void put(Map<String, List<String>> values, String name, Object value) {
		values.put(name, List.of(String.valueOf(value)));
	}

	/**
	 * A size in nginx's units: megabytes or kilobytes when exact, otherwise bytes.
	 */
	static String nginxSize(DataSize size) {
		long bytes = size.toBytes();
		if (bytes > 0 && bytes % (1024 * 1024) == 0) {
			return bytes / (1024 * 1024) + "m";
		}
		return (bytes > 0 && bytes % 1024 == 0) ? bytes / 1024 + "k" : String.valueOf(bytes);
	}

	/**
	 * A duration in nginx's units: seconds when exact, otherwise milliseconds.
	 */
	static String nginxTime(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? millis / 1000 + "s" : millis + "ms";
	}

	/**
	 * Whole seconds, rounded up: a grace period must never be shorter than the time.
	 */
	static long seconds(Duration duration) {
		return (duration.toMillis() + 999) / 1000;
	}

	/**
	 * Empty at the root, so that {@code ${X}/livez} is {@code /livez}; otherwise the path
	 * with one leading slash and none trailing.
	 */
	private static String rootOrPath(String path) {
		return (path.isEmpty() || path.equals("/")) ? "" : trimSlash(path);
	}

	private static String trimSlash(String path) {
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
	}

	private static String orDefault(@Nullable String value, String fallback) {
		return StringUtils.hasText(value) ? value : fallback;
	}

}
