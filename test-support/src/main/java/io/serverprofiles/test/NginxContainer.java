package io.serverprofiles.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * nginx configured by the application's rendered bundle: {@code nginx.conf},
 * {@code snippets/}, {@code sites/app.conf} and {@code tls/} copied to
 * {@code /etc/nginx}. Ready once its HTTPS port accepts connections.
 *
 * <pre class="code">
 * TestCertificates certificates = TestCertificates.create(bundle.nginxDirectory());
 * try (NginxContainer nginx = new NginxContainer(bundle.nginxDirectory())) {
 *     nginx.start();
 *     URI hello = nginx.httpsUri("/api/hello");
 * }
 * </pre>
 *
 * The ports are those the site listens on. The image is
 * {@link ContainerSettings#nginxImage()}; {@link #NginxContainer(Path, DockerImageName)}
 * takes another.
 */
public class NginxContainer extends GenericContainer<NginxContainer> {

	private static final Pattern LISTEN = Pattern.compile("(?m)^\\s*listen\\s+(?:\\S+:)?(\\d+)(\\s+ssl)?");

	private final int httpPort;

	private final int httpsPort;

	private final boolean hostNetwork = ContainerSettings.hostNetwork();

	/**
	 * nginx from {@link ContainerSettings#nginxImage()}.
	 * @param nginxDirectory the bundle's {@code nginx/}, with {@code tls/} in it
	 */
	public NginxContainer(Path nginxDirectory) {
		this(nginxDirectory, DockerImageName.parse(ContainerSettings.nginxImage()));
	}

	/**
	 * nginx from an image of your choice.
	 * @param nginxDirectory the bundle's {@code nginx/}, with {@code tls/} in it
	 * @param image an image with {@code nginx} on the path and
	 * {@code /etc/nginx/mime.types}
	 */
	public NginxContainer(Path nginxDirectory, DockerImageName image) {
		super(image);
		String site = read(nginxDirectory.resolve("sites/app.conf"));
		Matcher listen = LISTEN.matcher(site);
		int http = -1;
		int https = -1;
		while (listen.find()) {
			int port = Integer.parseInt(listen.group(1));
			if (listen.group(2) != null) {
				https = port;
			}
			else {
				http = port;
			}
		}
		this.httpPort = http;
		this.httpsPort = https;
		copy(nginxDirectory.resolve("nginx.conf"), "/etc/nginx/nginx.conf");
		copy(nginxDirectory.resolve("snippets"), "/etc/nginx/snippets");
		copy(nginxDirectory.resolve("sites/app.conf"), "/etc/nginx/sites/app.conf");
		copy(nginxDirectory.resolve("tls"), "/etc/nginx/tls");
		withCommand("nginx", "-g", "daemon off;");
		if (this.hostNetwork) {
			withNetworkMode("host");
		}
		else {
			withExposedPorts(this.httpPort, this.httpsPort);
		}
	}

	/**
	 * Where a client on the test's host reaches the HTTPS site. The host is
	 * {@code localhost}, the name the test certificate is for.
	 * @param path the path and query
	 * @return the URI
	 */
	public URI httpsUri(String path) {
		return URI.create("https://localhost:" + hostPort(this.httpsPort) + path);
	}

	/**
	 * The port nginx's HTTPS site listens on inside the container.
	 * @return the port of {@code listen ... ssl}
	 */
	public int getHttpsPort() {
		return this.httpsPort;
	}

	private int hostPort(int port) {
		return this.hostNetwork ? port : getMappedPort(port);
	}

	@Override
	protected void waitUntilContainerStarted() {
		try {
			Awaitility.await("nginx accepting connections")
				.atMost(Duration.ofSeconds(30))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> !isRunning() || accepts(hostPort(this.httpsPort)));
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("nginx did not start:\n" + getLogs(), ex);
		}
		if (!isRunning()) {
			throw new IllegalStateException("nginx did not start:\n" + getLogs());
		}
	}

	private boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.hostNetwork ? "127.0.0.1" : getHost(), port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void copy(Path source, String target) {
		if (!Files.exists(source)) {
			throw new IllegalArgumentException(
					source + " is missing: export the bundle and put the certificates in tls/");
		}
		withCopyFileToContainer(MountableFile.forHostPath(source), target);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
