package io.serverprofiles.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The application's image, built from its rendered Dockerfile and its packaged jar, and
 * run the way production runs it. Ready once {@code /readyz} answers 200.
 *
 * <pre class="code">
 * DeployBundle bundle = DeployBundle.export(jar, directory, List.of());
 * try (AppContainer app = new AppContainer(bundle.dockerfile(), jar)) {
 *     app.start();
 *     HttpRequest request = HttpRequest.newBuilder(app.baseUri().resolve("/readyz")).build();
 * }
 * </pre>
 *
 * The port is the Dockerfile's {@code EXPOSE}, the actuator's its
 * {@code MANAGEMENT_SERVER_PORT}. With host networking
 * ({@link ContainerSettings#hostNetwork()}) the app listens on those ports of 127.0.0.1;
 * otherwise they are mapped.
 */
public class AppContainer extends GenericContainer<AppContainer> {

	private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");

	private static final Pattern MANAGEMENT_PORT = Pattern.compile("(?m)^ENV MANAGEMENT_SERVER_PORT=(\\d+)$");

	private final int port;

	private final int managementPort;

	private final boolean hostNetwork = ContainerSettings.hostNetwork();

	private Duration readyTimeout = Duration.ofSeconds(120);

	/**
	 * An app image built on {@link ContainerSettings#jreImage()}.
	 * @param dockerfile the rendered Dockerfile ({@link DeployBundle#dockerfile()})
	 * @param jar the executable jar
	 */
	public AppContainer(Path dockerfile, Path jar) {
		this(dockerfile, jar, ContainerSettings.jreImage());
	}

	/**
	 * An app image built on the given JRE image, such as
	 * {@link ContainerSettings#jre25Image()} for the AOT cache.
	 * @param dockerfile the rendered Dockerfile ({@link DeployBundle#dockerfile()})
	 * @param jar the executable jar
	 * @param jreImage the Dockerfile's {@code JRE_IMAGE} and {@code BUILDER_IMAGE}
	 */
	public AppContainer(Path dockerfile, Path jar, String jreImage) {
		super(image(dockerfile, jar, jreImage, ContainerSettings.hostNetwork()));
		this.port = exposedPort(dockerfile);
		this.managementPort = managementPort(dockerfile, this.port);
		withEnv("SERVER_PORT", String.valueOf(this.port));
		if (this.hostNetwork) {
			withNetworkMode("host");
			withEnv("SERVER_ADDRESS", "127.0.0.1");
			// The actuator's own port (the image's MANAGEMENT_SERVER_PORT),
			// on loopback too.
			withEnv("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
		}
		else {
			withExposedPorts((this.managementPort != this.port) ? new Integer[] { this.port, this.managementPort }
					: new Integer[] { this.port });
		}
	}

	/**
	 * How long the app may take to become ready.
	 * @param timeout the limit (default 120 seconds)
	 * @return this container
	 */
	public AppContainer withReadyTimeout(Duration timeout) {
		this.readyTimeout = timeout;
		return this;
	}

	/**
	 * The port the app listens on inside the container (with host networking: on the
	 * host's loopback).
	 * @return the Dockerfile's {@code EXPOSE}
	 */
	public int getAppPort() {
		return this.port;
	}

	/**
	 * Where a client on the test's host reaches the app.
	 * @return {@code http://host:port}
	 */
	public URI baseUri() {
		if (this.hostNetwork) {
			return URI.create("http://127.0.0.1:" + this.port);
		}
		return URI.create("http://" + getHost() + ":" + getMappedPort(this.port));
	}

	/**
	 * Where a client on the test's host reaches the actuator: its own port, which the
	 * rendered image sets (or the app's, for an image that sets none).
	 * @return {@code http://host:port}
	 */
	public URI managementUri() {
		if (this.hostNetwork) {
			return URI.create("http://127.0.0.1:" + this.managementPort);
		}
		return URI.create("http://" + getHost() + ":" + getMappedPort(this.managementPort));
	}

	/**
	 * The image's HEALTHCHECK status, as {@code docker inspect} reports it.
	 * @return {@code starting}, {@code healthy} or {@code unhealthy}
	 */
	public String getHealthStatus() {
		InspectContainerResponse.ContainerState state = getCurrentContainerInfo().getState();
		return (state.getHealth() != null) ? state.getHealth().getStatus() : "none";
	}

	/**
	 * {@code docker stop}: SIGTERM, then SIGKILL once the grace period is over.
	 * @param gracePeriod how long Docker waits before killing
	 * @return the container's exit code
	 */
	public long stopGracefully(Duration gracePeriod) {
		getDockerClient().stopContainerCmd(getContainerId()).withTimeout((int) gracePeriod.toSeconds()).exec();
		Long exitCode = getCurrentContainerInfo().getState().getExitCodeLong();
		if (exitCode == null) {
			throw new IllegalStateException("Docker reported no exit code for stopped container " + getContainerId());
		}
		return exitCode;
	}

	/**
	 * Stop and remove the container, then the image built for it.
	 */
	@Override
	public void stop() {
		String image = (getContainerId() != null) ? getDockerImageName() : null;
		super.stop();
		if (image != null) {
			try {
				getDockerClient().removeImageCmd(image).withForce(true).exec();
			}
			catch (RuntimeException ex) {
				// removed already, or still used by another container
			}
		}
	}

	@Override
	protected void waitUntilContainerStarted() {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI readyz = baseUri().resolve("/readyz");
		try {
			Awaitility.await("the app ready at " + readyz)
				.atMost(this.readyTimeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> !isRunning() || answers200(client, readyz));
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException(readyz + " was not 200 within " + this.readyTimeout + ":\n" + getLogs(),
					ex);
		}
		if (!isRunning()) {
			throw new IllegalStateException("the app exited before it was ready:\n" + getLogs());
		}
	}

	private static boolean answers200(HttpClient client, URI uri) {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build();
			return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			// not listening yet
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static ImageFromDockerfile image(Path dockerfile, Path jar, String jreImage, boolean hostNetwork) {
		ImageFromDockerfile image = new ImageFromDockerfile().withFileFromPath("Dockerfile", dockerfile)
			.withFileFromPath("app.jar", jar)
			.withBuildArg("JAR_FILE", "app.jar")
			.withBuildArg("JRE_IMAGE", jreImage)
			.withBuildArg("BUILDER_IMAGE", jreImage);
		if (hostNetwork) {
			image.withBuildImageCmdModifier((command) -> command.withNetworkMode("host"));
		}
		return image;
	}

	private static int exposedPort(Path dockerfile) {
		try {
			Matcher matcher = EXPOSE.matcher(Files.readString(dockerfile));
			if (!matcher.find()) {
				throw new IllegalArgumentException(dockerfile + " has no EXPOSE with a port: is it the rendered one?");
			}
			return Integer.parseInt(matcher.group(1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int managementPort(Path dockerfile, int appPort) {
		try {
			Matcher matcher = MANAGEMENT_PORT.matcher(Files.readString(dockerfile));
			return matcher.find() ? Integer.parseInt(matcher.group(1)) : appPort;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
