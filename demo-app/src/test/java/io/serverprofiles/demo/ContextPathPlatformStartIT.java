package io.serverprofiles.demo;

/**
 * {@link PlatformStart} for the app under a context path: every probe a platform file
 * names must carry it.
 */
class ContextPathPlatformStartIT extends PlatformStart {

	@Override
	String contextPath() {
		return "/app";
	}

}
