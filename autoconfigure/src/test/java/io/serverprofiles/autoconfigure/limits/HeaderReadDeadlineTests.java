package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import io.serverprofiles.autoconfigure.support.Slowloris;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The deadline on request headers from the server's start to its stop, in one test: a
 * client that pauses inside its headers, well within the deadline, is served; one that
 * trickles them is closed, and the close is logged.
 * <p>
 * No timing is asserted: the pause is shorter than the deadline by far, and longer than
 * the period between two looks for slow connections, so that at least one look sees it.
 */
@ExtendWith(OutputCaptureExtension.class)
class HeaderReadDeadlineTests {

	private static final Duration GENEROUS_BOUND = Duration.ofSeconds(20);

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void slowHeadersAreServedWithinTheDeadlineAndClosedPastIt(ServerContainer container, CapturedOutput output)
			throws InterruptedException {
		try (RunningServer server = RunningServer.start(container, "--server-profiles.mode=prod",
				"--server-profiles.prod.connection-timeout=4s")) {
			try (RawHttp.Connection connection = RawHttp.to(server.port()).open()) {
				connection.write("GET /livez HTTP/1.1\r\nHost: local");
				Thread.sleep(1500);
				connection.write("host\r\n\r\n");
				assertThat(connection.readResponse().status()).isEqualTo(200);
			}
			assertThat(output).doesNotContain("did not send a request line and headers");
			try (Slowloris slowloris = Slowloris.start(server.port(), 1, Duration.ofMillis(500))) {
				await().atMost(GENEROUS_BOUND).until(() -> slowloris.closedByServer() > 0);
			}
			await().atMost(GENEROUS_BOUND)
				.untilAsserted(() -> assertThat(output).contains("connection(s) that did not send a request line and "
						+ "headers within server-profiles.prod.connection-timeout (4000ms)"));
		}
	}

}
