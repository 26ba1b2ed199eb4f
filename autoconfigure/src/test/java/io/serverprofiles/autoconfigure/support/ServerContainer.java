package io.serverprofiles.autoconfigure.support;

/**
 * The servlet containers every server test runs on. Both are on the test classpath, so
 * each turns the other's auto-configuration off, as removing its starter would.
 */
public enum ServerContainer {

	TOMCAT("org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration",
			"TomcatWebServer"),

	JETTY("org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
			"JettyServletWebServer");

	private final String otherAutoConfiguration;

	private final String webServerClass;

	ServerContainer(String otherAutoConfiguration, String webServerClass) {
		this.otherAutoConfiguration = otherAutoConfiguration;
		this.webServerClass = webServerClass;
	}

	String selectingArgument() {
		return "--spring.autoconfigure.exclude=" + this.otherAutoConfiguration;
	}

	/**
	 * Simple name of the {@code WebServer} this container runs as.
	 * @return the class name
	 */
	public String webServerClass() {
		return this.webServerClass;
	}

}
