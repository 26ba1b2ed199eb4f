package io.serverprofiles.test;

/**
 * Image names and networking of the containers, each from a system property, else an
 * environment variable, else a default that works on an ordinary Docker: public images
 * and mapped ports.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr>
 * <th>system property</th>
 * <th>environment</th>
 * <th>default</th>
 * </tr>
 * <tr>
 * <td>{@code server-profiles.test.jre-image}</td>
 * <td>{@code SERVER_PROFILES_JRE_IMAGE}</td>
 * <td>{@code eclipse-temurin:17-jre}</td>
 * </tr>
 * <tr>
 * <td>{@code server-profiles.test.jre25-image}</td>
 * <td>{@code SERVER_PROFILES_JRE25_IMAGE}</td>
 * <td>{@code eclipse-temurin:25-jre}</td>
 * </tr>
 * <tr>
 * <td>{@code server-profiles.test.nginx-image}</td>
 * <td>{@code SERVER_PROFILES_NGINX_IMAGE}</td>
 * <td>{@code nginx:stable}</td>
 * </tr>
 * <tr>
 * <td>{@code server-profiles.test.host-network}</td>
 * <td>{@code SERVER_PROFILES_HOST_NETWORK}</td>
 * <td>{@code false}</td>
 * </tr>
 * </table>
 */
public final class ContainerSettings {

	/**
	 * The JRE image the app image is built on (the Dockerfile's {@code JRE_IMAGE} and
	 * {@code BUILDER_IMAGE}).
	 */
	public static final String DEFAULT_JRE_IMAGE = "eclipse-temurin:17-jre";

	/**
	 * A Java 25 JRE image, on which the app image starts from an AOT cache.
	 */
	public static final String DEFAULT_JRE25_IMAGE = "eclipse-temurin:25-jre";

	/**
	 * The image nginx runs in. Any image with {@code nginx} on the path and
	 * {@code /etc/nginx/mime.types} does.
	 */
	public static final String DEFAULT_NGINX_IMAGE = "nginx:stable";

	private ContainerSettings() {
	}

	/**
	 * The JRE image the app image is built on.
	 * @return {@code server-profiles.test.jre-image}, else
	 * {@code SERVER_PROFILES_JRE_IMAGE}, else {@link #DEFAULT_JRE_IMAGE}
	 */
	public static String jreImage() {
		return setting("server-profiles.test.jre-image", "SERVER_PROFILES_JRE_IMAGE", DEFAULT_JRE_IMAGE);
	}

	/**
	 * A Java 25 JRE image, for the app image's AOT cache form.
	 * @return {@code server-profiles.test.jre25-image}, else
	 * {@code SERVER_PROFILES_JRE25_IMAGE}, else {@link #DEFAULT_JRE25_IMAGE}
	 */
	public static String jre25Image() {
		return setting("server-profiles.test.jre25-image", "SERVER_PROFILES_JRE25_IMAGE", DEFAULT_JRE25_IMAGE);
	}

	/**
	 * The image nginx runs in.
	 * @return {@code server-profiles.test.nginx-image}, else
	 * {@code SERVER_PROFILES_NGINX_IMAGE}, else {@link #DEFAULT_NGINX_IMAGE}
	 */
	public static String nginxImage() {
		return setting("server-profiles.test.nginx-image", "SERVER_PROFILES_NGINX_IMAGE", DEFAULT_NGINX_IMAGE);
	}

	/**
	 * Whether containers share the host's network and listen on loopback ports chosen by
	 * the test, for an engine without a bridge network. Otherwise ports are mapped and
	 * the containers meet on a network of their own.
	 * @return whether to use host networking
	 */
	public static boolean hostNetwork() {
		return Boolean
			.parseBoolean(setting("server-profiles.test.host-network", "SERVER_PROFILES_HOST_NETWORK", "false"));
	}

	private static String setting(String property, String variable, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(variable);
		}
		return (value == null || value.isBlank()) ? fallback : value.trim();
	}

}
