package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.support.RawConnection;
import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev server keeps Boot's and the container's own answers to bad input.
 */
class DevModeBadInputTests {

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void devServerKeepsTheContainersOwnAnswers(ServerContainer container) {
		try (RunningServer server = RunningServer.start(container, "--server-profiles.mode=dev")) {
			RawConnection.Response malformed = RawConnection.exchange(server.port(),
					"GET /a b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(malformed.status()).isEqualTo(400);
			assertThat(malformed.header("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			RawConnection.Response unknownMethod = RawConnection.exchange(server.port(),
					"BREW /livez HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(unknownMethod.status()).isEqualTo(405);
			assertThat(unknownMethod.body()).contains("\"timestamp\"");
		}
	}

}
