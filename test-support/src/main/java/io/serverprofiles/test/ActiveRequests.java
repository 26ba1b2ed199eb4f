package io.serverprofiles.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits until an application is serving requests, read from Spring's own
 * {@code http.server.requests.active} metric on {@code /actuator/prometheus}: a test that
 * stops the application "while a request is in flight" then knows it is. The actuator may
 * share the application's port (the scrape then counts itself) or have a port of its own
 * ({@code management.server.port}, as the rendered bundles run it).
 */
public final class ActiveRequests {

	private static final String COUNT = "http_server_requests_active_seconds_count";

	private ActiveRequests() {
	}

	/**
	 * Wait until at least {@code count} requests besides the scrape itself are in flight.
	 * @param baseUri the application's base URI, e.g. {@code http://127.0.0.1:8080}
	 * @param count how many requests
	 * @param timeout how long to wait
	 * @throws IllegalStateException when they are not in flight in time
	 */
	public static void await(URI baseUri, int count, Duration timeout) {
		await(baseUri, 1, count, timeout);
	}

	/**
	 * Wait until at least {@code count} requests are in flight, read from the actuator on
	 * its own port, whose scrape the application's count does not include.
	 * @param managementBaseUri the management port's base URI, e.g.
	 * {@code http://127.0.0.1:8081}
	 * @param count how many requests
	 * @param timeout how long to wait
	 * @throws IllegalStateException when they are not in flight in time
	 */
	public static void awaitOnManagementPort(URI managementBaseUri, int count, Duration timeout) {
		await(managementBaseUri, 0, count, timeout);
	}

	private static void await(URI baseUri, int scrapes, int count, Duration timeout) {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest scrape = HttpRequest.newBuilder(baseUri.resolve("/actuator/prometheus")).build();
		try {
			Awaitility.await(count + " request(s) in flight at " + baseUri)
				.atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> active(read(client, scrape)) - scrapes >= count);
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException(count + " request(s) never in flight at " + baseUri, ex);
		}
	}

	private static String read(HttpClient client, HttpRequest scrape) {
		try {
			return client.send(scrape, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + scrape.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static long active(String metrics) {
		return metrics.lines()
			.filter((line) -> line.startsWith(COUNT + "{") || line.startsWith(COUNT + " "))
			.mapToLong((line) -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
