package io.serverprofiles.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.serverprofiles.test.LoopbackPorts;
import io.serverprofiles.test.Nginx;
import io.serverprofiles.test.PackagedJar;
import io.serverprofiles.test.RawHttp;
import io.serverprofiles.test.TestCertificates;
import org.awaitility.core.ConditionTimeoutException;

import org.springframework.util.FileSystemUtils;

import static org.awaitility.Awaitility.await;

/**
 * The deployment the issue describes, on loopback: the bundle exported by the packaged
 * jar itself, a test CA's certificate, one or more demo instances as {@code java -jar}
 * processes, and the real nginx in front of them on ports the test chose.
 */
final class ProxiedDemo implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("Started DemoApplication");

	private final Path bundle;

	private final int[] appPorts;

	private final int[] managementPorts;

	private final PackagedJar[] apps;

	private final String[] appArguments;

	private final int httpPort;

	private final int httpsPort;

	private TestCertificates certificates;

	private Nginx nginx;

	private HttpClient client;

	private ProxiedDemo(Path bundle, int instances, String[] appArguments) throws IOException {
		this.bundle = bundle;
		this.appPorts = LoopbackPorts.free(instances);
		this.managementPorts = LoopbackPorts.free(instances);
		this.apps = new PackagedJar[instances];
		this.appArguments = appArguments;
		int[] nginxPorts = LoopbackPorts.free(2);
		this.httpPort = nginxPorts[0];
		this.httpsPort = nginxPorts[1];
	}

	/**
	 * Export the bundle, start the instances and nginx.
	 * @param instances how many demo instances behind nginx
	 * @param appArguments arguments of every instance (and of the export, so they agree)
	 * @param exportArguments further arguments of the export only
	 * @return the running deployment
	 */
	static ProxiedDemo start(int instances, List<String> appArguments, List<String> exportArguments) throws Exception {
		// Readable by nginx's workers (www-data), which serve the static root from here.
		ProxiedDemo demo = new ProxiedDemo(
				Files.createTempDirectory("deploy-bundle",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))),
				instances, appArguments.toArray(String[]::new));
		try {
			demo.export(exportArguments);
			demo.certificates = TestCertificates.create(demo.nginxDirectory());
			demo.client = demo.certificates.httpClient();
			for (int i = 0; i < instances; i++) {
				demo.startApp(i);
			}
			for (int i = 0; i < instances; i++) {
				demo.awaitApp(i);
			}
			demo.nginx = Nginx.start(demo.nginxDirectory().resolve("nginx.conf"), demo.httpPort, demo.httpsPort);
			return demo;
		}
		catch (Exception ex) {
			demo.close();
			throw ex;
		}
	}

	private void export(List<String> exportArguments) throws Exception {
		List<String> arguments = new ArrayList<>(List.of(this.appArguments));
		arguments.add("--server.port=" + this.appPorts[0]);
		arguments.add("--management.server.port=" + this.managementPorts[0]);
		arguments.add("--server-profiles.deploy.upstream=" + upstream());
		arguments.add("--server-profiles.deploy.listen-address=127.0.0.1");
		arguments.add("--server-profiles.deploy.http-port=" + this.httpPort);
		arguments.add("--server-profiles.deploy.https-port=" + this.httpsPort);
		arguments.add("--server-profiles.deploy.access-log=" + this.bundle.resolve("nginx-run/access.log"));
		arguments.add("--server-profiles.deploy.error-log=" + this.bundle.resolve("nginx-run/error.log"));
		arguments.addAll(exportArguments);
		DemoJar.export(this.bundle, arguments.toArray(String[]::new));
	}

	private String upstream() {
		List<String> servers = new ArrayList<>();
		for (int port : this.appPorts) {
			servers.add("127.0.0.1:" + port);
		}
		return String.join(",", servers);
	}

	/**
	 * Start instance {@code i} (again) on its port, without waiting, with the actuator on
	 * a management port of its own on loopback, as the rendered systemd unit starts it.
	 * @param i the instance
	 */
	void startApp(int i) throws IOException {
		List<String> arguments = new ArrayList<>(List.of(this.appArguments));
		arguments.add("--server.port=" + this.appPorts[i]);
		arguments.add("--management.server.port=" + this.managementPorts[i]);
		arguments.add("--management.server.address=127.0.0.1");
		this.apps[i] = DemoJar.startWith(arguments.toArray(String[]::new));
	}

	/**
	 * Wait until instance {@code i} has started.
	 * @param i the instance
	 */
	void awaitApp(int i) {
		this.apps[i].awaitOutput(STARTED);
	}

	PackagedJar app(int i) {
		return this.apps[i];
	}

	int appPort(int i) {
		return this.appPorts[i];
	}

	int managementPort(int i) {
		return this.managementPorts[i];
	}

	Path bundle() {
		return this.bundle;
	}

	Path nginxDirectory() {
		return this.bundle.resolve("nginx");
	}

	int httpPort() {
		return this.httpPort;
	}

	int httpsPort() {
		return this.httpsPort;
	}

	TestCertificates certificates() {
		return this.certificates;
	}

	HttpClient client() {
		return this.client;
	}

	URI https(String path) {
		return URI.create("https://localhost:" + this.httpsPort + path);
	}

	/**
	 * nginx's access log as written so far: nginx writes it in batches, at least once a
	 * second (deploy/nginx/sites), so the last second may not be there yet.
	 * @return the log
	 */
	String nginxAccessLog() throws IOException {
		return nginxLog("access.log");
	}

	/**
	 * The first line of nginx's access log with this text, once nginx has written it.
	 * @param text what the line contains
	 * @return the line
	 */
	String awaitNginxAccessLogLine(String text) {
		return LogLines.await(this::nginxAccessLog, text);
	}

	/**
	 * nginx's access log once it holds at least this many lines (nginx writes it at least
	 * once a second), or as it is after 5 seconds.
	 * @param lines how many lines the caller knows nginx will write
	 * @return the log
	 */
	String awaitNginxAccessLog(long lines) throws IOException {
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> nginxAccessLog().lines().count() >= lines);
		}
		catch (ConditionTimeoutException ex) {
			// What there is, then: the caller reports it.
		}
		return nginxAccessLog();
	}

	String nginxErrorLog() throws IOException {
		return nginxLog("error.log");
	}

	private String nginxLog(String name) throws IOException {
		Path log = this.bundle.resolve("nginx-run").resolve(name);
		return Files.exists(log) ? Files.readString(log) : "";
	}

	/**
	 * Hand-written HTTPS requests to nginx, for {@code localhost}.
	 * @return the client
	 */
	RawHttp rawHttps() {
		return rawHttps("localhost");
	}

	/**
	 * Hand-written HTTPS requests to nginx, with this name in the TLS handshake.
	 * @param serverName the name the handshake asks for
	 * @return the client
	 */
	RawHttp rawHttps(String serverName) {
		return RawHttp.to(this.httpsPort).overTls(this.certificates.sslContext(), serverName);
	}

	@Override
	public void close() throws Exception {
		if (this.nginx != null) {
			this.nginx.close();
		}
		for (PackagedJar app : this.apps) {
			if (app != null) {
				app.close();
			}
		}
		FileSystemUtils.deleteRecursively(this.bundle);
	}

}
