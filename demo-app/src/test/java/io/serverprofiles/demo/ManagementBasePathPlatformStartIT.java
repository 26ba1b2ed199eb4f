package io.serverprofiles.demo;

/**
 * {@link PlatformStart} for the app under a context path with the management port under a
 * base path of its own: liveness and the actuator follow the management base path, not
 * the context path, and readiness follows the context path.
 */
class ManagementBasePathPlatformStartIT extends PlatformStart {

	@Override
	String contextPath() {
		return "/app";
	}

	@Override
	String managementBasePath() {
		return "/manage";
	}

}
