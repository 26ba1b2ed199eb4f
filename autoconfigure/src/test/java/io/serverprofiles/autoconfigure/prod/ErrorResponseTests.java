package io.serverprofiles.autoconfigure.prod;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusal body: short, and valid JSON whatever the client put in the path.
 */
class ErrorResponseTests {

	@Test
	void theBodyNamesTheStatusItsReasonAndThePath() {
		assertThat(ErrorResponse.body(413, "/upload"))
			.isEqualTo("{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/upload\"}");
		assertThat(ErrorResponse.body(599, "/x", "do this"))
			.isEqualTo("{\"status\":599,\"error\":\"Error\",\"path\":\"/x\",\"message\":\"do this\"}");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aPathWithQuotesBackslashesAndControlCharactersStaysOneJsonString() {
		String path = "/a\"b\\c\u0001d\ne";
		Map<String, Object> parsed = JsonMapper.builder().build().readValue(ErrorResponse.body(400, path), Map.class);
		assertThat(parsed).containsEntry("path", path).containsEntry("status", 400).hasSize(3);
	}

}
