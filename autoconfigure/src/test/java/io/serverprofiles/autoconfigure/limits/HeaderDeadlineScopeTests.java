package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the prod server's deadline on request headers (a 1s connection timeout here)
 * covers and what it leaves alone: a connection that stops inside its headers is closed,
 * while a slow handler, synchronous or async, a body sent slowly and an idle kept-alive
 * connection all outlive the deadline.
 * <p>
 * The only timing is an upper bound on closing, ten times the timeout: it proves the
 * server gives up on the client, not how fast.
 */
class HeaderDeadlineScopeTests extends StartedServerTests {

	private static final Duration GENEROUS_BOUND = Duration.ofSeconds(10);

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod", "--server-profiles.prod.connection-timeout=1s" };
	}

	@Test
	void aConnectionThatStopsSendingItsHeadersIsClosed() {
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			connection.write("GET /livez HTTP/1.1\r\nHost: localhost\r\n");
			assertThat(connection.awaitClosedByServer(GENEROUS_BOUND)).isTrue();
		}
	}

	@Test
	void requestsSlowerThanTheDeadlineAreServed() {
		assertThat(server().get("/slow?ms=1500").body()).isEqualTo("{\"sleptMs\":1500}");
		assertThat(server().get("/limits/async?ms=1500").body()).isEqualTo("{\"sleptMs\":1500}");
	}

	@Test
	void aBodySentSlowerThanTheDeadlineIsRead() throws InterruptedException {
		// The deadline is on headers only: a body is bounded by the read timeout.
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			connection.write("POST /limits/stream HTTP/1.1\r\nHost: localhost\r\nContent-Length: 8\r\n\r\n");
			for (int i = 0; i < 8; i++) {
				Thread.sleep(250);
				connection.write("x");
			}
			assertThat(connection.readResponse().body()).isEqualTo("{\"bytes\":8}");
		}
	}

	@Test
	void anIdleKeptAliveConnectionOutlivesTheDeadline() throws InterruptedException {
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			connection.write("GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n");
			assertThat(connection.readResponse().status()).isEqualTo(200);
			Thread.sleep(1500);
			connection.write("GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n");
			assertThat(connection.readResponse().status()).isEqualTo(200);
		}
	}

	@Test
	void aKeptAliveConnectionThatStopsInsideItsNextHeadersIsClosed() {
		// The deadline starts again at the next request's first byte.
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			connection.write("GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n");
			assertThat(connection.readResponse().status()).isEqualTo(200);
			connection.write("GET /livez HTTP/1.1\r\nHost: localhost\r\n");
			assertThat(connection.awaitClosedByServer(GENEROUS_BOUND)).isTrue();
		}
	}

	@Test
	void aZeroTimeoutSetsNoDeadline() throws InterruptedException {
		// Zero is no deadline, as for the containers' own timeouts: a client pausing
		// inside its headers is served.
		try (RunningServer server = RunningServer.start(container(), "--server-profiles.mode=prod",
				"--server-profiles.prod.connection-timeout=0");
				RawHttp.Connection connection = RawHttp.to(server.port()).open()) {
			connection.write("GET /livez HTTP/1.1\r\n");
			Thread.sleep(500);
			connection.write("Host: localhost\r\n\r\n");
			assertThat(connection.readResponse().status()).isEqualTo(200);
		}
	}

}
