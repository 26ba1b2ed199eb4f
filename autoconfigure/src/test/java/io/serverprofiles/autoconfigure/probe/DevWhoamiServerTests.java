package io.serverprofiles.autoconfigure.probe;

import java.util.Map;

import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonParserFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whoami trace on the dev server: open without a token, and it shows that the dev
 * server believes no forwarding header.
 */
class DevWhoamiServerTests extends StartedServerTests {

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=dev", "--server.address=127.0.0.1" };
	}

	@Test
	void theTraceAnswersWithoutATokenAndBelievesNoForwardedHeader() {
		RawHttp.Response response = RawHttp.to(server().port())
			.get("/_server-profiles/whoami", "Host: localhost", "X-Forwarded-For: 203.0.113.7");
		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> trace = JsonParserFactory.getJsonParser().parseMap(response.body());
		assertThat(map(trace.get("client"))).containsEntry("address", "127.0.0.1");
		assertThat(trace).containsEntry("hostAllowed", true).containsEntry("hsts", false);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
