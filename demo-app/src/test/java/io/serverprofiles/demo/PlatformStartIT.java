package io.serverprofiles.demo;

/**
 * {@link PlatformStart} for the app at the root.
 */
class PlatformStartIT extends PlatformStart {

	@Override
	String contextPath() {
		return "";
	}

}
