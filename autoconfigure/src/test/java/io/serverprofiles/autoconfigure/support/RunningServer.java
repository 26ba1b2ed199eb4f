package io.serverprofiles.autoconfigure.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.serverprofiles.test.ActiveRequests;
import io.serverprofiles.test.TestCertificates;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test app started for real on a random loopback port, on the chosen container, with
 * a real HTTP client. Arguments are command-line arguments, the way a user would pass
 * them.
 */
public final class RunningServer implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final ServerContainer container;

	private final String[] arguments;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private RunningServer(ConfigurableApplicationContext context, ServerContainer container, String[] arguments) {
		this.context = context;
		this.container = container;
		this.arguments = arguments;
	}

	public static RunningServer start(ServerContainer container, String... arguments) {
		return start(container, 0, arguments);
	}

	private static RunningServer start(ServerContainer container, int port, String... arguments) {
		forgetStructuredLoggingOfEarlierApps();
		List<String> args = new ArrayList<>(List.of("--server.port=" + port, container.selectingArgument()));
		args.addAll(List.of(arguments));
		return new RunningServer(SpringApplication.run(TestWebApplication.class, args.toArray(String[]::new)),
				container, arguments);
	}

	/**
	 * Stop the app and start it again on the same port, as devtools' restart does: a new
	 * application context in the same JVM, with the same arguments.
	 * @return the app's new run
	 */
	public RunningServer restart() {
		int port = port();
		close();
		return start(this.container, port, this.arguments);
	}

	/**
	 * Boot hands the console format to Logback through a system property and does not
	 * clear it, so in one JVM a dev app started after a prod app would still log JSON. A
	 * real process runs one app; tests emulate that.
	 */
	private static void forgetStructuredLoggingOfEarlierApps() {
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter((name) -> name.contains("LOG_STRUCTURED_FORMAT"))
			.forEach(System::clearProperty);
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public String webServerClass() {
		return ((WebServerApplicationContext) this.context).getWebServer().getClass().getSimpleName();
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * Wait until requests are in flight (the prod server exposes the metric this reads).
	 * @param count how many
	 */
	public void awaitRequestsInFlight(int count) {
		ActiveRequests.await(uri("/"), count, Duration.ofSeconds(10));
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port() + path);
	}

	public HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * GET over HTTPS from 127.0.0.1, trusting the test CA only.
	 * @param certificates those the server was started with
	 * ({@link TestCertificates#serverArguments()})
	 * @param path the path
	 * @return the response
	 */
	public HttpResponse<String> getOverTls(TestCertificates certificates, String path) {
		URI uri = URI.create("https://127.0.0.1:" + port() + path);
		return send(certificates.httpClient(), HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		return send(this.client, request, handler);
	}

	/**
	 * Send on a connection of its own: a server that refuses a body closes the
	 * connection, and a pooled one could be reused by the next request before the client
	 * notices.
	 * @param request the request
	 * @param handler the body handler
	 * @param <T> the body type
	 * @return the response
	 */
	public <T> HttpResponse<T> sendOnNewConnection(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		return send(HttpClient.newHttpClient(), request, handler);
	}

	private static <T> HttpResponse<T> send(HttpClient client, HttpRequest request,
			HttpResponse.BodyHandler<T> handler) {
		try {
			return client.send(request, handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

}
