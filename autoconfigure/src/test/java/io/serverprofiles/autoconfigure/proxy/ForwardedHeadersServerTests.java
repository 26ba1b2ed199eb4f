package io.serverprofiles.autoconfigure.proxy;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarded headers on a real prod server that trusts only 127.0.0.1 and 10.0.0.0/8. A
 * client connecting from 127.0.0.1 plays the proxy; one from 127.0.0.2 plays an untrusted
 * peer that spoofs headers.
 */
class ForwardedHeadersServerTests extends StartedServerTests {

	private static final String PROXY = "127.0.0.1";

	private static final String STRANGER = "127.0.0.2";

	/**
	 * Every header that carries forwarding information, as a proxy would send it.
	 */
	private static final List<String> FORWARDING_HEADERS = List.of(
			"Forwarded: for=203.0.113.7;proto=https;host=shop.example.com", "X-Forwarded-For: 203.0.113.7",
			"X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example.com", "X-Forwarded-Port: 8443",
			"X-Forwarded-Prefix: /shop", "X-Forwarded-Ssl: on");

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod",
				"--server-profiles.prod.trusted-proxies=127.0.0.1,10.0.0.0/8" };
	}

	@Test
	void aTrustedProxyTellsTheClientAddressSchemeAndHost() {
		RawHttp.Response response = get(PROXY, "/whoami", "X-Forwarded-For: 203.0.113.7", "X-Forwarded-Proto: https",
				"X-Forwarded-Host: shop.example.com");
		assertThat(response.body()).contains("\"remoteAddr\":\"203.0.113.7\"")
			.contains("\"scheme\":\"https\"")
			.contains("\"secure\":true")
			.contains("\"serverName\":\"shop.example.com\"")
			.contains("\"serverPort\":443")
			.contains("\"requestUrl\":\"https://shop.example.com/whoami\"");
	}

	@Test
	void theChainIsWalkedFromTheRightSoASpoofedLeftmostEntryIsIgnored() {
		RawHttp.Response response = get(PROXY, "/whoami", "X-Forwarded-For: 1.2.3.4, 203.0.113.7, 10.1.2.3");
		assertThat(response.body()).contains("\"remoteAddr\":\"203.0.113.7\"");
	}

	@Test
	void rfc7239ForwardedIsHonouredWithIpv6AndPorts() {
		RawHttp.Response response = get(PROXY, "/whoami",
				"Forwarded: for=\"[2001:db8::7]:4711\";proto=https;host=\"shop.example.com:8443\", for=10.0.0.9");
		assertThat(response.body()).contains("\"remoteAddr\":\"2001:db8::7\"")
			.contains("\"secure\":true")
			.contains("\"requestUrl\":\"https://shop.example.com:8443/whoami\"");
	}

	@Test
	void aTrustedProxyThatTellsOnlyTheClientAddressLeavesSchemeHostAndPort() {
		RawHttp.Response response = get(PROXY, "/whoami", "X-Forwarded-For: 203.0.113.7");
		assertThat(response.body()).contains("\"remoteAddr\":\"203.0.113.7\"")
			.contains("\"remoteHost\":\"203.0.113.7\"")
			.contains("\"scheme\":\"http\"")
			.contains("\"secure\":false")
			.contains("\"serverName\":\"127.0.0.1\"")
			.contains("\"serverPort\":" + server().port() + ",")
			.contains("\"requestUrl\":\"http://127.0.0.1:" + server().port() + "/whoami\"");
	}

	@Test
	void aClientThatIsNotAnIpLiteralLeavesTheProxyAsTheRemoteAddress() {
		RawHttp.Response unknown = get(PROXY, "/whoami", "X-Forwarded-For: unknown", "X-Forwarded-Proto: https");
		RawHttp.Response obfuscated = get(PROXY, "/whoami", "Forwarded: for=_hidden;proto=https");
		for (RawHttp.Response response : List.of(unknown, obfuscated)) {
			assertThat(response.body()).contains("\"remoteAddr\":\"127.0.0.1\"")
				.contains("\"remoteHost\":\"127.0.0.1\"")
				.contains("\"secure\":true");
		}
	}

	@Test
	void aTrustedProxyThatTellsOnlyTheSchemeMovesThePortToTheSchemesDefault() {
		RawHttp.Response https = get(PROXY, "/whoami", "X-Forwarded-Proto: https");
		RawHttp.Response http = get(PROXY, "/whoami", "X-Forwarded-Proto: HTTP");
		assertThat(https.body()).contains("\"serverPort\":443,")
			.contains("\"requestUrl\":\"https://127.0.0.1/whoami\"");
		assertThat(http.body()).contains("\"scheme\":\"http\"")
			.contains("\"serverPort\":80,")
			.contains("\"requestUrl\":\"http://127.0.0.1/whoami\"");
	}

	@Test
	void aSchemeThatIsNeitherHttpNorHttpsIsIgnored() {
		RawHttp.Response response = get(PROXY, "/whoami", "X-Forwarded-Proto: gopher");
		assertThat(response.body()).contains("\"scheme\":\"http\"").contains("\"serverPort\":" + server().port() + ",");
	}

	@Test
	void eachProxysSchemeBelongsToTheAddressItAppendedWith() {
		// Each proxy appended one address and one scheme: the client's hop is the first.
		RawHttp.Response aligned = get(PROXY, "/whoami", "X-Forwarded-For: 203.0.113.7, 10.0.0.1",
				"X-Forwarded-Proto: https, http", "X-Forwarded-Host: shop.example.com, internal.example");
		assertThat(aligned.body()).contains("\"remoteAddr\":\"203.0.113.7\"")
			.contains("\"requestUrl\":\"https://shop.example.com/whoami\"");
	}

	@Test
	void aSingleSchemeForAChainIsTheNearestProxys() {
		RawHttp.Response response = get(PROXY, "/whoami", "X-Forwarded-For: 203.0.113.7, 10.0.0.1",
				"X-Forwarded-Proto: https");
		assertThat(response.body()).contains("\"remoteAddr\":\"203.0.113.7\"")
			.contains("\"requestUrl\":\"https://127.0.0.1/whoami\"");
	}

	@Test
	void emptyEntriesInTheChainAreSkipped() {
		RawHttp.Response response = get(PROXY, "/whoami", "X-Forwarded-For: , 203.0.113.7,,",
				"X-Forwarded-Proto: ,https");
		assertThat(response.body()).contains("\"remoteAddr\":\"203.0.113.7\"").contains("\"secure\":true");
	}

	@Test
	void aChainOfTrustedProxiesOnlyGivesTheFirstOne() {
		RawHttp.Response response = get(PROXY, "/whoami", "X-Forwarded-For: 10.0.0.7, 10.0.0.8");
		assertThat(response.body()).contains("\"remoteAddr\":\"10.0.0.7\"");
	}

	@Test
	void headersThatSayNothingAboutTheClientLeaveTheRequestAsItCame() {
		for (String header : List.of("X-Forwarded-Prefix: /shop", "X-Forwarded-Ssl: on", "X-Forwarded-For: ,")) {
			RawHttp.Response response = get(PROXY, "/whoami", header);
			assertThat(response.status()).as(header).isEqualTo(200);
			assertThat(response.body()).as(header)
				.contains("\"remoteAddr\":\"127.0.0.1\"")
				.contains("\"requestUrl\":\"http://127.0.0.1:" + server().port() + "/whoami\"");
		}
	}

	@Test
	void aTrustedProxyThatTellsOnlyTheHostKeepsTheSchemeAndPort() {
		RawHttp.Response response = get(PROXY, "/whoami", "X-Forwarded-Host: shop.example.com");
		assertThat(response.body()).contains("\"remoteAddr\":\"127.0.0.1\"")
			.contains("\"serverName\":\"shop.example.com\"")
			.contains("\"requestUrl\":\"http://shop.example.com:" + server().port() + "/whoami\"");
	}

	@Test
	void theForwardedPortWinsOverAPortInTheForwardedHost() {
		RawHttp.Response response = get(PROXY, "/whoami", "X-Forwarded-Host: shop.example.com:8443",
				"X-Forwarded-Port: 9443");
		assertThat(response.body()).contains("\"serverName\":\"shop.example.com\"").contains("\"serverPort\":9443,");
	}

	@Test
	void anUntrustedPeerCannotSpoofItsAddressOrMakeTheRequestSecure() {
		RawHttp.Response response = get(STRANGER, "/whoami", "X-Forwarded-For: 1.2.3.4", "X-Forwarded-Proto: https",
				"X-Forwarded-Host: evil.example");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("\"remoteAddr\":\"127.0.0.2\"")
			.contains("\"remoteHost\":\"127.0.0.2\"")
			.contains("\"scheme\":\"http\"")
			.contains("\"secure\":false")
			.doesNotContain("evil.example")
			.doesNotContain("1.2.3.4");
	}

	@Test
	void anUntrustedPeerCannotSpoofThroughRfc7239Either() {
		RawHttp.Response response = get(STRANGER, "/whoami", "Forwarded: for=1.2.3.4;proto=https");
		assertThat(response.body()).contains("\"remoteAddr\":\"127.0.0.2\"").contains("\"secure\":false");
	}

	@Test
	void theApplicationNeverSeesForwardingHeadersFromATrustedProxy() {
		assertForwardingHeadersAreHiddenFromTheApplication(PROXY);
	}

	@Test
	void theApplicationNeverSeesForwardingHeadersFromAnUntrustedPeer() {
		assertForwardingHeadersAreHiddenFromTheApplication(STRANGER);
	}

	@Test
	void aTrustedProxyTellsThePort() {
		RawHttp.Response response = get(PROXY, "/whoami", "X-Forwarded-Port: 8443");
		assertThat(response.body()).contains("\"serverPort\":8443")
			.contains("\"requestUrl\":\"http://127.0.0.1:8443/whoami\"");
	}

	@Test
	void anUntrustedPeerCannotChangeThePort() {
		RawHttp.Response response = get(STRANGER, "/whoami", "X-Forwarded-Port: 8443");
		assertThat(response.body()).contains("\"serverPort\":" + server().port() + ",");
	}

	@Test
	void redirectsNameThePublicSchemeAndHost() {
		assertThat(redirectLocation(PROXY, "X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example.com",
				"X-Forwarded-For: 203.0.113.7"))
			.isEqualTo("https://shop.example.com/target");
	}

	@Test
	void redirectsNameThePublicPort() {
		assertThat(redirectLocation(PROXY, "X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example.com",
				"X-Forwarded-Port: 8443"))
			.isEqualTo("https://shop.example.com:8443/target");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "status=307, 307", "clearBuffer=false, 302", "status=308&clearBuffer=true, 308" })
	void redirectsWithAStatusOrBufferChoiceNameThePublicSchemeAndHost(String query, int status) {
		RawHttp.Response response = get(PROXY, "/redirect?" + query, "X-Forwarded-Proto: https",
				"X-Forwarded-Host: shop.example.com");
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("Location")).hasValue("https://shop.example.com/target");
	}

	@Test
	void absoluteRedirectsAreLeftAsTheApplicationWroteThem() {
		RawHttp.Response response = get(PROXY, "/redirect?to=http://elsewhere.example/x", "X-Forwarded-Proto: https",
				"X-Forwarded-Host: shop.example.com");
		assertThat(response.header("Location")).hasValue("http://elsewhere.example/x");
	}

	@Test
	void redirectsOfRequestsThatAreNotForwardedAreTheContainersOwn() {
		String notForwarded = redirectLocation(PROXY);
		assertThat(redirectLocation(STRANGER, "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example"))
			.isEqualTo(notForwarded);
		assertThat(redirectLocation(PROXY, "X-Forwarded-For: ,")).isEqualTo(notForwarded);
	}

	@Test
	void redirectsForAnUntrustedPeerKeepThePortItConnectedTo() {
		assertThat(URI.create(redirectLocation(STRANGER, "X-Forwarded-Port: 8443")).getPort()).isNotEqualTo(8443);
	}

	@Test
	void redirectsForAnUntrustedPeerIgnoreItsHeaders() {
		assertThat(redirectLocation(STRANGER, "X-Forwarded-Proto: https", "X-Forwarded-Host: evil.example"))
			.doesNotContain("evil.example")
			.doesNotStartWith("https:");
	}

	@Test
	void httpsFromATrustedProxyTurnsHstsOnButASpoofedOneDoesNot() {
		RawHttp.Response proxied = get(PROXY, "/whoami", "X-Forwarded-Proto: https");
		RawHttp.Response spoofed = get(STRANGER, "/whoami", "X-Forwarded-Proto: https");
		assertThat(proxied.header("Strict-Transport-Security"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("max-age="));
		assertThat(spoofed.header("Strict-Transport-Security")).isEmpty();
	}

	private RawHttp.Response get(String peer, String path, String... headerLines) {
		return RawHttp.to(server().port()).from(peer).get(path, headerLines);
	}

	private String redirectLocation(String peer, String... headerLines) {
		RawHttp.Response response = get(peer, "/redirect", headerLines);
		assertThat(response.status()).isEqualTo(302);
		return response.header("Location").orElse(null);
	}

	private void assertForwardingHeadersAreHiddenFromTheApplication(String peer) {
		List<String> names = FORWARDING_HEADERS.stream().map((line) -> line.substring(0, line.indexOf(':'))).toList();
		RawHttp.Response response = get(peer, "/headers?read=" + String.join(",", names),
				FORWARDING_HEADERS.toArray(String[]::new));
		HeadersSeen seen = JsonMapper.builder().build().readValue(response.body(), HeadersSeen.class);
		assertThat(seen.listed()).as("header names the application lists")
			.contains("host")
			.doesNotContainAnyElementsOf(names.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList());
		assertThat(seen.read()).as("headers the application asks for by name")
			.containsOnlyKeys(names)
			.allSatisfy((name, value) -> assertThat(value).as(name).isNull());
		assertThat(seen.readAll()).as("every value of each header the application asks for")
			.containsOnlyKeys(names)
			.allSatisfy((name, values) -> assertThat(values).as(name).isEmpty());
		assertThat(seen.readAsInt()).as("headers the application asks for as a number")
			.containsOnlyKeys(names)
			.allSatisfy((name, value) -> assertThat(value).as(name).isEqualTo(-1));
		assertThat(seen.readAsDate()).as("headers the application asks for as a date")
			.containsOnlyKeys(names)
			.allSatisfy((name, value) -> assertThat(value).as(name).isEqualTo(-1L));
	}

	/**
	 * What {@code /headers} answers.
	 *
	 * @param listed the header names the application lists, lower case
	 * @param read each header asked for by name, with its value or {@code null}
	 * @param readAll each header asked for by name, with all its values
	 * @param readAsInt each header asked for by name as a number, or -1
	 * @param readAsDate each header asked for by name as a date, or -1
	 */
	record HeadersSeen(List<String> listed, Map<String, String> read, Map<String, List<String>> readAll,
			Map<String, Integer> readAsInt, Map<String, Long> readAsDate) {

	}

}
