package io.serverprofiles.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startable;

/**
 * The whole deployment in containers: the application exports its bundle, its image is
 * built from the rendered Dockerfile, and nginx runs in front of it with the rendered
 * site and a test certificate made at start ({@link TestCertificates}).
 *
 * <pre class="code">
 * &#64;Testcontainers(disabledWithoutDocker = true)
 * class BehindNginxIT {
 *
 *     &#64;Container
 *     static AppBehindNginx deployment = new AppBehindNginx(Path.of("target/app.jar"));
 *
 *     &#64;Test
 *     void helloThroughNginx() throws Exception {
 *         HttpResponse&lt;String&gt; response = deployment.httpClient()
 *             .send(HttpRequest.newBuilder(deployment.httpsUri("/api/hello")).build(), BodyHandlers.ofString());
 *         assertThat(response.statusCode()).isEqualTo(200);
 *     }
 *
 * }
 * </pre>
 *
 * On an ordinary Docker the two containers meet on a network of their own and the ports
 * are mapped; with {@link ContainerSettings#hostNetwork()} both use the host's network
 * and listen on free loopback ports.
 */
public class AppBehindNginx implements Startable {

	private static final String APP_ALIAS = "app";

	private final Path jar;

	private final List<String> exportArguments = new ArrayList<>();

	private final boolean hostNetwork = ContainerSettings.hostNetwork();

	private @Nullable Path directory;

	private @Nullable DeployBundle bundle;

	private @Nullable TestCertificates certificates;

	private @Nullable Network network;

	private @Nullable AppContainer app;

	private @Nullable NginxContainer nginx;

	/**
	 * The deployment of a packaged application.
	 * @param jar its executable jar
	 */
	public AppBehindNginx(Path jar) {
		this.jar = jar;
	}

	/**
	 * Settings of the export, and so of the rendered nginx site and Dockerfile, such as
	 * {@code --server-profiles.prod.max-request-size=1MB}.
	 * @param arguments command-line arguments
	 * @return this deployment
	 */
	public AppBehindNginx withExportArguments(String... arguments) {
		this.exportArguments.addAll(List.of(arguments));
		return this;
	}

	@Override
	public void start() {
		try {
			this.directory = Files.createTempDirectory("app-behind-nginx");
			List<String> arguments = new ArrayList<>(deployArguments());
			arguments.addAll(this.exportArguments);
			this.bundle = DeployBundle.export(this.jar, this.directory.resolve("bundle"), arguments);
			this.certificates = TestCertificates.create(this.bundle.nginxDirectory());
			this.app = new AppContainer(this.bundle.dockerfile(), this.jar);
			this.nginx = new NginxContainer(this.bundle.nginxDirectory());
			if (!this.hostNetwork) {
				this.network = Network.newNetwork();
				this.app.withNetwork(this.network).withNetworkAliases(APP_ALIAS);
				this.nginx.withNetwork(this.network);
			}
			this.app.start();
			this.nginx.start();
		}
		catch (IOException ex) {
			stop();
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			stop();
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	/**
	 * The app's port, nginx's upstream and ports, and its logs on the container's output.
	 */
	private List<String> deployArguments() throws IOException {
		List<String> arguments = new ArrayList<>(List.of("--server-profiles.deploy.access-log=/dev/stdout",
				"--server-profiles.deploy.error-log=/dev/stderr"));
		if (this.hostNetwork) {
			int[] ports = LoopbackPorts.free(4);
			// The management port too: on the host's network the rendered default (the
			// app's port + 1) may be taken.
			arguments.addAll(List.of("--server.port=" + ports[0], "--management.server.port=" + ports[3],
					"--server-profiles.deploy.upstream=127.0.0.1:" + ports[0],
					"--server-profiles.deploy.listen-address=127.0.0.1",
					"--server-profiles.deploy.http-port=" + ports[1],
					"--server-profiles.deploy.https-port=" + ports[2]));
		}
		else {
			arguments.addAll(List.of("--server.port=8080", "--server-profiles.deploy.upstream=" + APP_ALIAS + ":8080"));
		}
		return arguments;
	}

	@Override
	public void stop() {
		if (this.nginx != null) {
			this.nginx.stop();
		}
		if (this.app != null) {
			this.app.stop();
		}
		if (this.network != null) {
			this.network.close();
		}
		if (this.directory != null) {
			deleteRecursively(this.directory);
		}
	}

	public AppContainer app() {
		return started(this.app);
	}

	public NginxContainer nginx() {
		return started(this.nginx);
	}

	public DeployBundle bundle() {
		return started(this.bundle);
	}

	/**
	 * Where a client reaches the app through nginx's HTTPS site.
	 * @param path the path and query
	 * @return the URI
	 */
	public URI httpsUri(String path) {
		return nginx().httpsUri(path);
	}

	/**
	 * An HTTP client that trusts the test certificate and nothing else.
	 * @return a new client
	 */
	public HttpClient httpClient() {
		return started(this.certificates).httpClient();
	}

	private static <T> T started(@Nullable T part) {
		if (part == null) {
			throw new IllegalStateException("AppBehindNginx is not started: call start() first");
		}
		return part;
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory: left behind at worst
		}
	}

}
