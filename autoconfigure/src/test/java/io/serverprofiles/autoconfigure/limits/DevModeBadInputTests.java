package io.serverprofiles.autoconfigure.limits;

import java.util.stream.IntStream;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev server keeps Boot's and the container's own answers to bad input.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevModeBadInputTests {

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void devServerKeepsTheContainersOwnAnswers(ServerContainer container) {
		try (RunningServer server = RunningServer.start(container, "--server-profiles.mode=dev")) {
			RawHttp.Response malformed = RawHttp.to(server.port())
				.send("GET /a b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(malformed.status()).isEqualTo(400);
			assertThat(malformed.header("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			RawHttp.Response unknownMethod = RawHttp.to(server.port())
				.send("BREW /livez HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(unknownMethod.status()).isEqualTo(405);
			assertThat(unknownMethod.body()).contains("\"timestamp\"");
		}
	}

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void devServerAnswersMultipartWithoutABoundaryWithBootsErrorPageAnd400(ServerContainer container,
			CapturedOutput output) {
		assertAnsweredWithBootsErrorPageAnd400(container, output, "multipart/form-data", "a");
	}

	@ParameterizedTest
	@EnumSource(ServerContainer.class)
	void devServerAnswersTooManyFormParametersWithBootsErrorPageAnd400(ServerContainer container,
			CapturedOutput output) {
		String form = String.join("&", IntStream.range(0, 1001).mapToObj((key) -> key + "=").toList());
		assertAnsweredWithBootsErrorPageAnd400(container, output, "application/x-www-form-urlencoded", form);
	}

	private void assertAnsweredWithBootsErrorPageAnd400(ServerContainer container, CapturedOutput output,
			String contentType, String body) {
		try (RunningServer server = RunningServer.start(container, "--server-profiles.mode=dev")) {
			RawHttp.Response response = RawHttp.to(server.port())
				.send("POST /limits/form HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
						+ "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.body()).contains("\"timestamp\"").contains("\"status\":400");
		}
		assertThat(output.getOut().lines()).as("lines at ERROR").noneMatch((line) -> line.contains(" ERROR "));
		assertThat(output.getOut().lines()).as("stack trace lines").noneMatch((line) -> line.startsWith("\tat "));
	}

}
