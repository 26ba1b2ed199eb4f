package io.serverprofiles.autoconfigure.probe;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonParserFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whoami trace on a real prod server that trusts only 127.0.0.1: a client from
 * 127.0.0.1 plays the proxy, one from 127.0.0.2 a stranger that forges headers.
 */
class WhoamiServerTests extends StartedServerTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private static final String PATH = "/_server-profiles/whoami";

	private final WhoamiToken token = new WhoamiToken(SECRET, Clock.systemUTC());

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod", "--server-profiles.prod.trusted-proxies=127.0.0.1",
				"--server-profiles.prod.allowed-hosts=shop.example.com", "--server-profiles.probe.secret=" + SECRET };
	}

	@Test
	void withoutATokenTheTraceIsNotThere() {
		assertThat(get("127.0.0.1", "Host: shop.example.com").status()).isEqualTo(404);
	}

	@Test
	void aTokenOfAnotherSecretOrTooOldOpensNothing() {
		WhoamiToken other = new WhoamiToken(SECRET.replace('0', 'x'), Clock.systemUTC());
		WhoamiToken old = new WhoamiToken(SECRET, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2)));
		assertThat(get("127.0.0.1", "Host: shop.example.com", header(other)).status()).isEqualTo(404);
		assertThat(get("127.0.0.1", "Host: shop.example.com", header(old)).status()).isEqualTo(404);
	}

	@Test
	void aTrustedProxysHopsAreBelievedAndSaySoWithTheRange() {
		RawHttp.Response response = get("127.0.0.1", "Host: shop.example.com", header(this.token),
				"X-Forwarded-For: 198.51.100.1, 203.0.113.7", "X-Forwarded-Proto: https");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).hasValue("no-store");
		Map<String, Object> trace = JsonParserFactory.getJsonParser().parseMap(response.body());
		assertThat(trace.get("peer")).isEqualTo(Map.of("address", "127.0.0.1", "trustedBy", "127.0.0.1/32"));
		assertThat((List<?>) trace.get("hops")).hasSize(2)
			.allSatisfy((hop) -> assertThat(map(hop)).containsEntry("trustedBy", null));
		assertThat(map(trace.get("client"))).containsEntry("address", "203.0.113.7")
			.containsEntry("scheme", "https")
			.containsEntry("host", "shop.example.com")
			.containsEntry("port", 443);
		assertThat(trace).containsEntry("hsts", true).containsEntry("hostAllowed", true);
	}

	@Test
	void aStrangersForgedHeadersAreShownButNotBelieved() {
		RawHttp.Response response = get("127.0.0.2", "Host: shop.example.com", header(this.token),
				"X-Forwarded-For: 203.0.113.7", "X-Forwarded-Proto: https");
		Map<String, Object> trace = JsonParserFactory.getJsonParser().parseMap(response.body());
		assertThat(map(trace.get("peer"))).containsEntry("address", "127.0.0.2").containsEntry("trustedBy", null);
		assertThat((List<?>) trace.get("hops")).singleElement()
			.satisfies((hop) -> assertThat(map(hop)).containsEntry("for", "203.0.113.7"));
		assertThat(map(trace.get("client"))).containsEntry("address", "127.0.0.2").containsEntry("scheme", "http");
		assertThat(trace).containsEntry("hsts", false);
	}

	@Test
	void aHostOutsideTheAllowListIsReportedAsSuch() {
		RawHttp.Response response = get("127.0.0.1", "Host: evil.example", header(this.token));
		assertThat(response.status()).isEqualTo(200);
		assertThat(JsonParserFactory.getJsonParser().parseMap(response.body())).containsEntry("hostAllowed", false);
	}

	private RawHttp.Response get(String from, String... headerLines) {
		return RawHttp.to(server().port()).from(from).get(PATH, headerLines);
	}

	private static String header(WhoamiToken token) {
		return WhoamiToken.HEADER + ": " + token.create();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

}
