package io.serverprofiles.autoconfigure.support;

/**
 * The servlet containers every server test runs on. Both are on the test classpath, so
 * each turns the other's auto-configuration off, as removing its starter would.
 */
public enum ServerContainer {

	TOMCAT("org.springframework.boot.jetty.autoconfigure", "Jetty", "TomcatWebServer"),

	JETTY("org.springframework.boot.tomcat.autoconfigure", "Tomcat", "JettyServletWebServer");

	private final String otherAutoConfigurations;

	private final String webServerClass;

	ServerContainer(String otherPackage, String other, String webServerClass) {
		// The other container's server, and its server for a separate management port.
		this.otherAutoConfigurations = otherPackage + ".servlet." + other + "ServletWebServerAutoConfiguration,"
				+ otherPackage + ".actuate.web.server." + other + "ServletManagementContextAutoConfiguration";
		this.webServerClass = webServerClass;
	}

	/**
	 * The command-line argument that turns the other container's auto-configuration off.
	 * @return the argument
	 */
	public String selectingArgument() {
		return "--spring.autoconfigure.exclude=" + this.otherAutoConfigurations;
	}

	/**
	 * Simple name of the {@code WebServer} this container runs as.
	 * @return the class name
	 */
	public String webServerClass() {
		return this.webServerClass;
	}

}
