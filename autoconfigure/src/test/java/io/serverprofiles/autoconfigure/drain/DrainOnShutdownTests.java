package io.serverprofiles.autoconfigure.drain;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import io.serverprofiles.test.RawHttp;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rolling deploy's view of shutdown: a client keeps sending while the context closes.
 * Every request sent before the drain ends is answered (with {@code Connection: close}),
 * the slow one in flight completes, and readiness reports 503 meanwhile.
 */
@ExtendWith(OutputCaptureExtension.class)
class DrainOnShutdownTests {

	private static final long DRAIN_MILLIS = 2000;

	/**
	 * Requests sent this close to the end of the drain may meet graceful shutdown
	 * instead; the assertion is about the ones clearly inside the drain.
	 */
	private static final long MARGIN_MILLIS = 300;

	private static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(MARGIN_MILLIS);

	private final ExecutorService pool = Executors.newFixedThreadPool(3);

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void requestsDuringTheDrainAreServedWhileReadinessIsDown(ServerContainer container, CapturedOutput output)
			throws Exception {
		RunningServer server = RunningServer.start(container, "--server-profiles.mode=prod",
				"--server-profiles.prod.drain-delay=" + DRAIN_MILLIS + "ms");
		Future<HttpResponse<String>> slow = this.pool
			.submit(() -> server.sendOnNewConnection(HttpRequest.newBuilder(server.uri("/slow?ms=3000")).build(),
					HttpResponse.BodyHandlers.ofString()));
		List<Sent> sent = new CopyOnWriteArrayList<>();
		AtomicBoolean stop = new AtomicBoolean();
		Future<?> steady = this.pool.submit(() -> keepSending(server, sent, stop));
		server.awaitRequestsInFlight(1);
		long closeStarted = System.nanoTime();
		Future<?> closing = this.pool.submit(server::close);
		boolean sawNotReady = awaitReadyzStatus(server, 503);
		closing.get(30, TimeUnit.SECONDS);
		stop.set(true);
		steady.get(10, TimeUnit.SECONDS);

		assertThat(sawNotReady).as("/readyz reported 503 during the drain").isTrue();
		assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		long drainEnd = closeStarted + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS - MARGIN_MILLIS);
		List<Sent> beforeDrainEnd = sent.stream().filter((request) -> request.at() < drainEnd).toList();
		assertThat(beforeDrainEnd.stream().filter((request) -> request.at() >= closeStarted)).hasSizeGreaterThan(5);
		assertThat(beforeDrainEnd).allSatisfy((request) -> assertThat(request.status()).isEqualTo(200));
		// During the drain the server closes a kept-alive connection after each answer.
		assertThat(sent.stream().filter((request) -> request.at() < closeStarted))
			.allSatisfy((request) -> assertThat(request.connection()).isNotEqualTo("close"));
		assertThat(beforeDrainEnd.stream().filter((request) -> request.at() >= closeStarted + MARGIN_NANOS))
			.isNotEmpty()
			.allSatisfy((request) -> assertThat(request.connection()).isEqualTo("close"));
		assertThat(output).contains("shutdown phase 1/2: draining for 2000 ms").contains("graceful shutdown done in");
	}

	/**
	 * One kept-alive connection, as a proxy's, opened again whenever the server closes
	 * it.
	 */
	private void keepSending(RunningServer server, List<Sent> sent, AtomicBoolean stop) {
		RawHttp.Connection connection = null;
		while (!stop.get()) {
			long at = System.nanoTime();
			try {
				if (connection == null) {
					connection = RawHttp.to(server.port()).open();
				}
				connection.write("GET /text HTTP/1.1\r\nHost: localhost\r\n\r\n");
				RawHttp.Response response = connection.readResponse();
				String connectionHeader = response.header("Connection").orElse("keep-alive");
				if (connectionHeader.equals("close")) {
					connectionHeader += connection.awaitClosedByServer(Duration.ofSeconds(5)) ? "" : " (but left open)";
					connection.close();
					connection = null;
				}
				sent.add(new Sent(at, response.status(), connectionHeader));
			}
			catch (RuntimeException ex) {
				sent.add(new Sent(at, -1, "no answer"));
				connection = null;
			}
			sleep(40);
		}
		if (connection != null) {
			connection.close();
		}
	}

	/**
	 * Whether {@code /readyz} answers the status before the drain is over; a server that
	 * no longer answers at all never will.
	 */
	private boolean awaitReadyzStatus(RunningServer server, int expected) {
		AtomicBoolean answering = new AtomicBoolean(true);
		try {
			await().atMost(Duration.ofMillis(DRAIN_MILLIS))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> !answering.get() || readyzStatus(server, answering) == expected);
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
		return answering.get();
	}

	private static int readyzStatus(RunningServer server, AtomicBoolean answering) {
		try {
			return server.get("/readyz").statusCode();
		}
		catch (RuntimeException ex) {
			answering.set(false);
			return -1;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Sent(long at, int status, String connection) {
	}

}
