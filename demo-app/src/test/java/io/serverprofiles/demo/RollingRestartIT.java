package io.serverprofiles.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.serverprofiles.test.Nginx;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rolling restart behind nginx the way deploy/README.md does it on a VM, with the
 * rendered {@code systemd/rolling-restart.sh}: each instance leaves nginx's upstream
 * ({@code down}: marked down, nginx reloaded, its old workers gone), is stopped with
 * SIGTERM at the VM's default drain (none) and started again, and comes back
 * ({@code up}); meanwhile clients keep sending GET, POST, PUT and DELETE.
 * <p>
 * What it proves: no request of any method is lost, and none depended on nginx's retries.
 * nginx resends a GET, PUT or DELETE that a stopping instance cut short, but never a
 * POST; stopped while nginx still sends it requests, an instance loses a few POSTs per
 * rolling restart, with or without a drain delay. So the test also asserts that no
 * instance cut a request short at all.
 * <p>
 * Each nginx reload also closes the clients' idle keep-alive connections, and a request
 * sent on one just then meets a closed connection before any response. nginx never read
 * it, so a client may send it again: browsers and curl do for every method, Java's
 * HttpClient only for GET and HEAD. The clients here do it for every method, as a browser
 * would, and the test checks that nginx's access log never saw the first try.
 */
class RollingRestartIT {

	private static final int CLIENTS = 4;

	/**
	 * What each client sends in turn, with the status that means served.
	 */
	private static final List<Call> CALLS = List.of(new Call("GET", "/api/hello", null, 200),
			new Call("POST", "/api/echo", "{\"message\":\"post\"}", 200),
			new Call("PUT", "/api/echo", "{\"message\":\"put\"}", 200), new Call("DELETE", "/api/echo", null, 204));

	private static final long PACE_MILLIS = 5;

	private static final Duration LONGEST_RUN = Duration.ofMinutes(3);

	private final AtomicInteger served = new AtomicInteger();

	private final Map<String, AtomicInteger> servedByMethod = new ConcurrentHashMap<>();

	private final List<String> closedBeforeAnyResponse = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> lost = new ConcurrentHashMap<>();

	private final StringBuilder stoppedInstancesOutput = new StringBuilder();

	@Test
	void aRollingRestartUnderLoadLosesNoRequest() throws Exception {
		Nginx.assumeInstalled();
		// The VM's default drain: none (the app is not on Kubernetes).
		List<String> app = List.of();
		List<String> noRateLimit = List.of("--server-profiles.deploy.rate-limit=100000",
				"--server-profiles.deploy.rate-limit-burst=100000");
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		AtomicBoolean stop = new AtomicBoolean();
		try (ProxiedDemo demo = ProxiedDemo.start(2, app, noRateLimit)) {
			long deadline = System.nanoTime() + LONGEST_RUN.toNanos();
			Future<?>[] load = new Future<?>[CLIENTS];
			for (int i = 0; i < CLIENTS; i++) {
				int first = i;
				load[i] = clients.submit(() -> keepSending(demo, stop, deadline, first));
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
			String accessLog = demo.awaitNginxAccessLog(this.served.get());
			System.out.println("rolling restart: " + this.closedBeforeAnyResponse.size()
					+ " requests met a keep-alive connection closed by an nginx reload and were sent again");
			assertThat(this.lost).as(() -> diagnosis(demo, this.served.get() + lostCount)).isEmpty();
			assertThat(this.closedBeforeAnyResponse).as("first tries that nginx never logged, so safe to send again")
				.allSatisfy((id) -> assertThat(accessLog).doesNotContain("\"" + id + "\""));
			assertThat(cutShort).as("requests an instance cut short (nginx would not resend a POST)").isEmpty();
			assertThat(this.served.get()).isGreaterThan(100);
			assertThat(accessLog).as("nginx logs the clients' request ids").contains("\"rolling-0-0\"");
			assertThat(this.servedByMethod.keySet()).containsExactlyInAnyOrder("GET", "POST", "PUT", "DELETE");
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
		rollingRestartScript(demo, "down", i);
		long down = System.nanoTime();
		int exit = demo.app(i).terminate();
		long stopped = System.nanoTime();
		String output = demo.app(i).output();
		this.stoppedInstancesOutput.append(output);
		assertThat(output).contains("shutdown phase 1/2: draining for 0 ms");
		demo.app(i).close();
		demo.startApp(i);
		demo.awaitApp(i);
		awaitReady(demo.appPort(i));
		long ready = System.nanoTime();
		rollingRestartScript(demo, "up", i);
		awaitTrafficFromNginx(demo, i);
		System.out.println("rolling restart: instance " + i + " out of nginx in " + millis(started, down)
				+ " ms, stopped in " + millis(down, stopped) + " ms (exit " + exit + "), ready after "
				+ millis(stopped, ready) + " ms, back in nginx after " + millis(ready, System.nanoTime()) + " ms");
	}

	/**
	 * The rendered script's {@code down} or {@code up} step for instance {@code i},
	 * against the test's nginx: its site, and a reload by signal to its master process.
	 */
	private static void rollingRestartScript(ProxiedDemo demo, String step, int i) throws Exception {
		Path log = Files.createTempFile("rolling-restart", ".log");
		ProcessBuilder script = new ProcessBuilder("bash",
				demo.bundle().resolve("systemd/rolling-restart.sh").toString(), step, "127.0.0.1:" + demo.appPort(i))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		script.environment().put("SITE", demo.nginxDirectory().resolve("sites/app.conf").toString());
		script.environment()
			.put("NGINX_RELOAD", "kill -HUP $(cat " + demo.bundle().resolve("nginx-run/nginx.pid") + ")");
		Process process = script.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("rolling-restart.sh %s finished", step).isTrue();
		assertThat(process.exitValue()).as(() -> step + ": " + read(log)).isZero();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "(unreadable: " + ex + ")";
		}
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
		try {
			await().atMost(Duration.ofSeconds(30))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> demo.nginxAccessLog().substring(from).contains(servedByIt));
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("nginx never sent instance " + i + " traffic again", ex);
		}
	}

	private void keepSending(ProxiedDemo demo, AtomicBoolean stop, long deadline, int client) {
		int next = client;
		while (!stop.get() && System.nanoTime() < deadline) {
			Call call = CALLS.get(next % CALLS.size());
			String id = "rolling-" + client + "-" + next++;
			try {
				HttpResponse<String> response = sendAgainIfClosedBeforeAnyResponse(demo, call, id);
				if (response.statusCode() == call.servedStatus()) {
					this.served.incrementAndGet();
					this.servedByMethod.computeIfAbsent(call.method(), (key) -> new AtomicInteger()).incrementAndGet();
				}
				else {
					count(call.method() + " status " + response.statusCode());
				}
			}
			catch (Exception ex) {
				count(call.method() + " " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
			pace();
		}
	}

	/**
	 * Send again, as browsers do, when the connection closed before any response (Java's
	 * client reports it as an IOException with no bytes received).
	 */
	private HttpResponse<String> sendAgainIfClosedBeforeAnyResponse(ProxiedDemo demo, Call call, String id)
			throws Exception {
		// Another pooled connection the same reload closed can meet the next try too: a
		// browser would open a new one, so try until one is answered (a few at most).
		for (int attempt = 0;; attempt++) {
			String attemptId = (attempt == 0) ? id : id + "-again-" + attempt;
			try {
				return demo.client().send(call.request(demo, attemptId), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				if (attempt == 4 || !String.valueOf(ex.getMessage()).contains("received no bytes")) {
					throw ex;
				}
				this.closedBeforeAnyResponse.add(attemptId);
			}
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

	private static void awaitReady(int port) {
		HttpClient direct = HttpClient.newHttpClient();
		HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build();
		try {
			await().atMost(Duration.ofSeconds(60))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(100))
				// not listening yet, or not ready
				.ignoreExceptions()
				.until(() -> direct.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("instance on port " + port + " never became ready", ex);
		}
	}

	/**
	 * One request a client sends, and the status that means it was served.
	 */
	private record Call(String method, String path, String json, int servedStatus) {

		HttpRequest request(ProxiedDemo demo, String id) {
			// HTTP/1.1 keep-alive: Java 17's client fails requests in flight when nginx
			// ends an HTTP/2 connection after its 1000 requests (GOAWAY), which has
			// nothing to do with the restart under test.
			HttpRequest.Builder request = HttpRequest.newBuilder(demo.https(this.path))
				.version(HttpClient.Version.HTTP_1_1)
				.header("X-Request-Id", id)
				.timeout(Duration.ofSeconds(30));
			if (this.json == null) {
				return request.method(this.method, HttpRequest.BodyPublishers.noBody()).build();
			}
			return request.header("Content-Type", "application/json")
				.method(this.method, HttpRequest.BodyPublishers.ofString(this.json))
				.build();
		}

	}

}
