package io.serverprofiles.autoconfigure.proxy;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The trace of one request: which range trusts the peer and each hop, and what the
 * application is given, the same as {@link TrustedProxiesFilter} gives it.
 */
class ForwardedTraceTests {

	private static final TrustedProxies TRUSTED = TrustedProxies.of(List.of("127.0.0.1", "10.0.0.0/8"));

	@Test
	void eachHopSaysWhichRangeTrustsIt() {
		MockHttpServletRequest request = request("127.0.0.1");
		request.addHeader("X-Forwarded-For", "203.0.113.7, 10.1.2.3");
		request.addHeader("X-Forwarded-Proto", "https");
		ForwardedTrace trace = ForwardedTrace.of(request, TRUSTED);
		assertThat(trace.peer()).isEqualTo("127.0.0.1");
		assertThat(trace.peerTrustedBy()).isEqualTo("127.0.0.1/32");
		assertThat(trace.hops()).extracting((hop) -> hop.get("for"), (hop) -> hop.get("trustedBy"))
			.containsExactly(tuple("203.0.113.7", null), tuple("10.1.2.3", "10.0.0.0/8"));
		assertThat(trace.clientAddress()).isEqualTo("203.0.113.7");
		assertThat(trace.scheme()).isEqualTo("https");
		assertThat(trace.port()).isEqualTo(443);
	}

	@Test
	void anUntrustedPeersHopsAreListedButNotApplied() {
		MockHttpServletRequest request = request("192.0.2.1");
		request.addHeader("Forwarded", "for=203.0.113.7;proto=https;host=evil.example");
		ForwardedTrace trace = ForwardedTrace.of(request, TRUSTED);
		assertThat(trace.peerTrustedBy()).isNull();
		assertThat(trace.hops()).singleElement()
			.satisfies((hop) -> assertThat(hop).containsEntry("for", "203.0.113.7"));
		assertThat(trace.clientAddress()).isEqualTo("192.0.2.1");
		assertThat(trace.scheme()).isEqualTo("http");
		assertThat(trace.host()).isEqualTo("shop.example.com");
		assertThat(trace.port()).isEqualTo(8080);
	}

	@Test
	void aRequestWithoutForwardingHeadersHasNoHops() {
		ForwardedTrace trace = ForwardedTrace.of(request("10.0.0.5"), TRUSTED);
		assertThat(trace.hops()).isEmpty();
		assertThat(trace.peerTrustedBy()).isEqualTo("10.0.0.0/8");
		assertThat(trace.clientAddress()).isEqualTo("10.0.0.5");
	}

	private static MockHttpServletRequest request(String peer) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setRemoteAddr(peer);
		request.setServerName("shop.example.com");
		request.setServerPort(8080);
		return request;
	}

}
