package io.serverprofiles.autoconfigure.web;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;

/**
 * The paths the platforms probe: {@code /livez}, {@code /readyz}, and the actuator's
 * health with its groups, within the application (after its context path). The one list
 * that every feature treating probes apart uses: the Host allow-list, the access log, the
 * probes' security chain.
 * <p>
 * Liveness and readiness are answered where each means something: readiness on the main
 * port, whose request threads it shares, so that a saturated instance looks not-ready and
 * gets no more traffic; liveness on the management port when there is a separate one (its
 * own connector and threads), so that an instance that is merely busy is not restarted.
 */
public final class ProbePaths {

	/**
	 * The liveness probe's path, on the management port when there is one.
	 */
	public static final String LIVENESS = "/livez";

	/**
	 * The readiness probe's path, always on the main port.
	 */
	public static final String READINESS = "/readyz";

	private final String health;

	/**
	 * Create the list for an actuator at this base path.
	 * @param actuatorBasePath {@code management.endpoints.web.base-path}
	 */
	public ProbePaths(String actuatorBasePath) {
		this.health = actuatorBasePath + "/health";
	}

	/**
	 * The list for the application's own actuator base path.
	 * @param environment the environment
	 * @return the probe paths
	 */
	public static ProbePaths of(Environment environment) {
		return new ProbePaths(environment.getProperty("management.endpoints.web.base-path", "/actuator"));
	}

	/**
	 * Whether the request is a probe, judged on the container's decoded and normalised
	 * path within the application, the one it maps.
	 * @param request the request
	 * @return whether it is a probe
	 */
	public boolean matches(HttpServletRequest request) {
		return matches(request.getServletPath() + Objects.toString(request.getPathInfo(), ""));
	}

	/**
	 * Whether the path, within the application, is a probe.
	 * @param path the path after the context path
	 * @return whether it is a probe
	 */
	public boolean matches(String path) {
		return path.equals(LIVENESS) || path.equals(READINESS) || path.equals(this.health)
				|| path.startsWith(this.health + "/");
	}

	/**
	 * The same paths as patterns ({@code /actuator/health/**}).
	 * @return the patterns
	 */
	public String[] patterns() {
		return new String[] { LIVENESS, READINESS, this.health, this.health + "/**" };
	}

	/**
	 * Whether liveness belongs on the management port: there is a separate one, and the
	 * probes' additional paths are not switched off.
	 * @param environment the environment
	 * @return whether to answer {@code /livez} on the management port
	 */
	public static boolean livenessOnManagementPort(Environment environment) {
		return managementPortIsSeparate(environment) && environment
			.getProperty("management.endpoint.health.probes.add-additional-paths", Boolean.class, true);
	}

	/**
	 * Whether the actuator runs on a port of its own, with its own connector and threads:
	 * Spring Boot's rule ({@code ManagementPortType.DIFFERENT}), read here without the
	 * actuator on the classpath.
	 * @param environment the environment
	 * @return whether {@code management.server.port} is set, not disabled, and not
	 * {@code server.port}
	 */
	public static boolean managementPortIsSeparate(Environment environment) {
		Integer managementPort = environment.getProperty("management.server.port", Integer.class);
		if (managementPort == null || managementPort < 0) {
			return false;
		}
		Integer serverPort = environment.getProperty("server.port", Integer.class);
		if (serverPort == null) {
			return managementPort != 8080;
		}
		return managementPort == 0 || !managementPort.equals(serverPort);
	}

}
