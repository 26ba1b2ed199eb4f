package io.serverprofiles.autoconfigure.accesslog;

/**
 * Paths that orchestrators poll.
 */
final class ProbePaths {

	private ProbePaths() {
	}

	static boolean isProbe(String path) {
		return "/livez".equals(path) || "/readyz".equals(path) || "/actuator/health".equals(path)
				|| path.startsWith("/actuator/health/");
	}

}
