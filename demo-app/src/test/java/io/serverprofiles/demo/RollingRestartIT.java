package io.serverprofiles.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling restart behind nginx: two instances, each stopped with SIGTERM (drain, then
 * graceful shutdown) and started again in turn, while clients keep sending GETs. nginx
 * retries what an instance going away could not answer on the other one, so no request is
 * lost.
 */
class RollingRestartIT {

	private static final int CLIENTS = 2;

	private static final long PACE_MILLIS = 5;

	private static final Duration LONGEST_RUN = Duration.ofMinutes(3);

	private final AtomicInteger served = new AtomicInteger();

	private final Map<String, AtomicInteger> lost = new ConcurrentHashMap<>();

	private final StringBuilder stoppedInstancesOutput = new StringBuilder();

	@Test
	void aRollingRestartUnderLoadLosesNoRequest() throws Exception {
		Nginx.assumeInstalled();
		List<String> app = List.of("--server-profiles.prod.drain-delay=1s");
		List<String> noRateLimit = List.of("--server-profiles.deploy.rate-limit=100000",
				"--server-profiles.deploy.rate-limit-burst=100000");
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		AtomicBoolean stop = new AtomicBoolean();
		try (ProxiedDemo demo = ProxiedDemo.start(2, app, noRateLimit)) {
			long deadline = System.nanoTime() + LONGEST_RUN.toNanos();
			Future<?>[] load = new Future<?>[CLIENTS];
			for (int i = 0; i < CLIENTS; i++) {
				load[i] = clients.submit(() -> keepSending(demo, stop, deadline));
			}
			Thread.sleep(1000);
			for (int i = 0; i < 2; i++) {
				restart(demo, i);
			}
			Thread.sleep(1000);
			stop.set(true);
			for (Future<?> client : load) {
				client.get(30, TimeUnit.SECONDS);
			}
			int lostCount = this.lost.values().stream().mapToInt(AtomicInteger::get).sum();
			List<String> cutShort = cutShort(demo.nginxErrorLog());
			System.out.println("rolling restart: " + (this.served.get() + lostCount) + " requests during two restarts, "
					+ lostCount + " lost " + this.lost + "; nginx retried " + cutShort.size()
					+ " cut short by an instance"
					+ cutShort.stream().map((line) -> "\n  " + line).collect(Collectors.joining()));
			String accessLog = demo.nginxAccessLog();
			assertThat(this.lost).as(() -> diagnosis(demo, this.served.get() + lostCount)).isEmpty();
			assertThat(this.served.get()).isGreaterThan(100);
			assertThat(accessLog).as("both instances served")
				.contains("127.0.0.1:" + demo.appPort(0))
				.contains("127.0.0.1:" + demo.appPort(1));
		}
		finally {
			stop.set(true);
			clients.shutdownNow();
		}
	}

	private void restart(ProxiedDemo demo, int i) throws Exception {
		long started = System.nanoTime();
		int exit = demo.app(i).terminate();
		long stopped = System.nanoTime();
		String output = demo.app(i).output();
		this.stoppedInstancesOutput.append(output);
		assertThat(output).contains("shutdown phase 1/2: draining for 1000 ms");
		demo.app(i).close();
		demo.startApp(i);
		demo.awaitApp(i);
		awaitReady(demo.appPort(i));
		long ready = System.nanoTime();
		awaitTrafficFromNginx(demo, i);
		System.out.println("rolling restart: instance " + i + " stopped in " + millis(started, stopped) + " ms (exit "
				+ exit + "), ready after " + millis(stopped, ready) + " ms, back in nginx after "
				+ millis(ready, System.nanoTime()) + " ms");
	}

	/**
	 * Should a request be lost: nginx's errors (which instance failed and how), the
	 * answers that were not 200, and what the instances warned about.
	 */
	private String diagnosis(ProxiedDemo demo, long requests) {
		try {
			String instances = this.stoppedInstancesOutput + demo.app(0).output() + demo.app(1).output();
			return "nginx error log:\n" + demo.nginxErrorLog() + "\nnginx access log, not 200:\n"
					+ linesWithout(demo.awaitNginxAccessLog(requests), "\"http.response.status_code\":200,")
					+ "\ninstances' warnings:\n" + linesWithout(instances, "\"INFO\"");
		}
		catch (IOException ex) {
			return "(logs unreadable: " + ex + ")";
		}
	}

	/**
	 * Requests an instance closed the connection under (nginx retries those on the
	 * other).
	 */
	private static List<String> cutShort(String errorLog) {
		return errorLog.lines()
			.filter((line) -> line.contains("prematurely closed") || line.contains("reset by peer"))
			.toList();
	}

	private static String linesWithout(String text, String marker) {
		return text.lines().filter((line) -> !line.contains(marker)).collect(Collectors.joining("\n"));
	}

	private static long millis(long from, long to) {
		return Duration.ofNanos(to - from).toMillis();
	}

	/**
	 * nginx has no health checks of its own: it sends a failed instance traffic again
	 * once fail_timeout (5s) has passed. Stopping the next instance before that would
	 * leave none; the deploy guide says to wait for this, and so does the test.
	 */
	private static void awaitTrafficFromNginx(ProxiedDemo demo, int i) throws Exception {
		int from = demo.nginxAccessLog().length();
		String servedByIt = "\"upstream.address\":\"127.0.0.1:" + demo.appPort(i) + "\",\"upstream.status\":\"200\"";
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!demo.nginxAccessLog().substring(from).contains(servedByIt)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("nginx never sent instance " + i + " traffic again");
			}
			Thread.sleep(100);
		}
	}

	private void keepSending(ProxiedDemo demo, AtomicBoolean stop, long deadline) {
		// HTTP/1.1 keep-alive: Java 17's client fails requests in flight when nginx ends
		// an HTTP/2 connection after its 1000 requests (GOAWAY), which has nothing to do
		// with the restart under test.
		HttpRequest request = HttpRequest.newBuilder(demo.https("/api/hello"))
			.version(HttpClient.Version.HTTP_1_1)
			.timeout(Duration.ofSeconds(30))
			.build();
		while (!stop.get() && System.nanoTime() < deadline) {
			try {
				HttpResponse<String> response = demo.client().send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					this.served.incrementAndGet();
				}
				else {
					count("status " + response.statusCode());
				}
			}
			catch (Exception ex) {
				count(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
			pace();
		}
	}

	/**
	 * A steady stream rather than a flood: on two cores a flood would mostly measure how
	 * slowly the restarted JVM starts beside it.
	 */
	private static void pace() {
		try {
			Thread.sleep(PACE_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void count(String reason) {
		this.lost.computeIfAbsent(reason, (key) -> new AtomicInteger()).incrementAndGet();
	}

	private static void awaitReady(int port) throws Exception {
		HttpClient direct = HttpClient.newHttpClient();
		HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (direct.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (Exception ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("instance on port " + port + " never became ready");
	}

}
