package io.serverprofiles.autoconfigure.proxy;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hop read from what a trusted proxy (127.0.0.1) sent, for the spellings the server
 * tests do not send one by one: RFC 7239 quoting and node forms, ports, case and blanks.
 */
class ForwardedHeadersTests {

	private static final TrustedProxies TRUSTED = TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8"));

	@Test
	void rfc7239KeysAndSchemesAreCaseInsensitive() {
		assertThat(hop("Forwarded", "For=203.0.113.7;Proto=HTTPS;Host=shop.example.com"))
			.isEqualTo(new Hop("203.0.113.7", "https", "shop.example.com", null));
	}

	@Test
	void rfc7239NodesLoseTheirPort() {
		assertThat(hop("Forwarded", "for=\"192.0.2.1:8080\"").forAddress()).isEqualTo("192.0.2.1");
		assertThat(hop("Forwarded", "for=\"[2001:db8::1]:4711\"").forAddress()).isEqualTo("2001:db8::1");
		assertThat(hop("Forwarded", "for=\"[2001:db8::1]\"").forAddress()).isEqualTo("2001:db8::1");
	}

	@Test
	void rfc7239NodesThatAreNotHostAndPortAreKeptAsTheyCame() {
		assertThat(hop("Forwarded", "for=2001:db8::1").forAddress()).isEqualTo("2001:db8::1");
		assertThat(hop("Forwarded", "for=\"[2001:db8::1\"").forAddress()).isEqualTo("[2001:db8::1");
		assertThat(hop("Forwarded", "for=_hidden").forAddress()).isEqualTo("_hidden");
	}

	@Test
	void rfc7239EmptyOrBrokenPairsSayNothing() {
		assertThat(hop("Forwarded", "for=203.0.113.7;host=\"\";secret;=x"))
			.isEqualTo(new Hop("203.0.113.7", null, null, null));
		assertThat(hop("Forwarded", "for=\"")).isEqualTo(new Hop("\"", null, null, null));
	}

	@Test
	void aForwardedHostMayCarryAPort() {
		assertThat(hop("X-Forwarded-Host", "shop.example.com:8443"))
			.isEqualTo(new Hop(null, null, "shop.example.com", 8443));
		assertThat(hop("X-Forwarded-Host", "[2001:db8::1]:8443")).isEqualTo(new Hop(null, null, "[2001:db8::1]", 8443));
		assertThat(hop("X-Forwarded-Host", "[2001:db8::1]")).isEqualTo(new Hop(null, null, "[2001:db8::1]", null));
		assertThat(hop("X-Forwarded-Host", ":8443")).isEqualTo(new Hop(null, null, ":8443", null));
	}

	@Test
	void portsAreOneToFiveDigitsUpTo65535() {
		assertThat(port("1")).isEqualTo(1);
		assertThat(port("8090")).isEqualTo(8090);
		assertThat(port(" 65535 ")).isEqualTo(65535);
		assertThat(port("0")).isNull();
		assertThat(port("65536")).isNull();
		assertThat(port("999999")).isNull();
		assertThat(port("8/")).isNull();
		assertThat(port("8:")).isNull();
		assertThat(port("-80")).isNull();
		assertThat(Hop.of(null, null, null, " ").port()).isNull();
	}

	@Test
	void blanksAreUnknownAndValuesAreTrimmed() {
		assertThat(hop("X-Forwarded-For", " 203.0.113.7 ")).isEqualTo(new Hop("203.0.113.7", null, null, null));
		assertThat(Hop.of(" ", " ", " ", " ")).isEqualTo(new Hop(null, null, null, null));
		assertThat(Hop.of(null, " https ", null, null).proto()).isEqualTo("https");
	}

	@Test
	void theSchemesDefaultPortStandsInForAMissingPort() {
		assertThat(new Hop(null, "https", null, null).portOr(8080)).isEqualTo(443);
		assertThat(new Hop(null, "http", null, null).portOr(8080)).isEqualTo(80);
		assertThat(new Hop(null, "https", null, 8443).portOr(8080)).isEqualTo(8443);
		assertThat(new Hop(null, null, null, null).portOr(8080)).isEqualTo(8080);
	}

	@Test
	void headersFromAnUntrustedPeerGiveNoHop() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("192.0.2.1");
		request.addHeader("X-Forwarded-For", "203.0.113.7");
		assertThat(ForwardedHeaders.resolve(request, TRUSTED)).isNull();
	}

	@Test
	void onlyForwardingHeadersAreForwardingHeadersInAnyCase() {
		assertThat(ForwardedHeaders.isForwardingHeader("FORWARDED")).isTrue();
		assertThat(ForwardedHeaders.isForwardingHeader("x-forwarded-for")).isTrue();
		assertThat(ForwardedHeaders.isForwardingHeader("X-Real-IP")).isFalse();
		assertThat(ForwardedHeaders.isForwardingHeader("From")).isFalse();
		assertThat(ForwardedHeaders.isForwardingHeader("Host")).isFalse();
		assertThat(ForwardedHeaders.isForwardingHeader("")).isFalse();
		assertThat(ForwardedHeaders.isForwardingHeader(null)).isFalse();
	}

	private static Integer port(String port) {
		return hop("X-Forwarded-Port", port).port();
	}

	private static Hop hop(String name, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("127.0.0.1");
		request.addHeader(name, value);
		return ForwardedHeaders.resolve(request, TRUSTED);
	}

}
