package io.serverprofiles.autoconfigure.limits;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.serverprofiles.autoconfigure.support.Slowloris;
import io.serverprofiles.autoconfigure.support.StartedServerTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow clients against the prod server with a 2s connection timeout: many of them cannot
 * keep it from serving, and a connection that trickles its headers is closed.
 * {@link HeaderDeadlineScopeTests} shows what the deadline leaves alone.
 * <p>
 * The only timing assertions are upper bounds on closing, five to ten times the
 * configured timeout: they prove the server gives up on slow clients rather than measure
 * how fast, so that a loaded build machine does not fail them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlowClientTests extends StartedServerTests {

	private static final Duration GENEROUS_BOUND = Duration.ofSeconds(10);

	private static final Duration SLOWLORIS_BOUND = Duration.ofSeconds(20);

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod", "--server-profiles.prod.connection-timeout=2s" };
	}

	@Test
	void ordinaryRequestsSucceedWhileASlowlorisHoldsManyConnections() {
		long bound = System.nanoTime() + SLOWLORIS_BOUND.toNanos();
		int served = 0;
		try (Slowloris slowloris = Slowloris.start(server().port(), 200, Duration.ofMillis(500))) {
			// Until the server has closed every one of the 200 slow connections at least
			// once, ordinary requests on new connections keep succeeding.
			while (slowloris.closedByServer() < 200) {
				assertThat(System.nanoTime()).as("all slow connections closed within " + SLOWLORIS_BOUND)
					.isLessThan(bound);
				HttpResponse<String> response = server().sendOnNewConnection(
						HttpRequest.newBuilder(server().uri("/livez")).build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
				served++;
			}
		}
		assertThat(served).isPositive();
	}

	@Test
	void aConnectionThatTricklesItsHeadersIsClosedAndLogged(CapturedOutput output) {
		// One byte every 500ms is always within the 2s between two reads: only a deadline
		// on the whole request line and headers closes it. Without one, 8KB of headers
		// at that pace would hold the connection for more than an hour.
		try (Slowloris slowloris = Slowloris.start(server().port(), 1, Duration.ofMillis(500))) {
			await().atMost(GENEROUS_BOUND).until(() -> slowloris.closedByServer() > 0);
		}
		// Logged by the sweep that closed it, right after.
		await().atMost(GENEROUS_BOUND)
			.untilAsserted(() -> assertThat(output).containsPattern("Closed [1-9][0-9]* connection\\(s\\) that did not "
					+ "send a request line and headers within server-profiles.prod.connection-timeout \\(2000ms\\)"));
	}

}
