package io.serverprofiles.autoconfigure.prod;

import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;

/**
 * The paths the platforms probe: {@code /livez}, {@code /readyz}, and the actuator's
 * health with its groups, within the application (after its context path). The one list
 * that every feature treating probes apart uses: the Host allow-list, the access log, the
 * probes' security chain.
 */
public final class ProbePaths {

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
		return path.equals("/livez") || path.equals("/readyz") || path.equals(this.health)
				|| path.startsWith(this.health + "/");
	}

	/**
	 * The same paths as patterns ({@code /actuator/health/**}).
	 * @return the patterns
	 */
	public String[] patterns() {
		return new String[] { "/livez", "/readyz", this.health, this.health + "/**" };
	}

}
