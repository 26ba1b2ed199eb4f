package io.serverprofiles.autoconfigure.drain;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which responses close their connection while the drain runs: what the server test does
 * not send, HTTP/2 and upgrade handshakes, and readiness coming back.
 */
class ConnectionCloseWhileDrainingTests {

	private final ConnectionCloseWhileDraining filter = new ConnectionCloseWhileDraining();

	@Test
	void beforeTheDrainConnectionsStayOpen() throws Exception {
		assertThat(connectionHeader(request("HTTP/1.1"))).isNull();
	}

	@Test
	void duringTheDrainHttp1ConnectionsCloseAfterTheAnswer() throws Exception {
		readiness(ReadinessState.REFUSING_TRAFFIC);
		assertThat(connectionHeader(request("HTTP/1.1"))).isEqualTo("close");
		assertThat(connectionHeader(request("HTTP/1.0"))).isEqualTo("close");
	}

	@Test
	void duringTheDrainHttp2AndUpgradeHandshakesAreLeftAlone() throws Exception {
		readiness(ReadinessState.REFUSING_TRAFFIC);
		MockHttpServletRequest upgrade = request("HTTP/1.1");
		upgrade.addHeader("Upgrade", "websocket");
		assertThat(connectionHeader(request("HTTP/2.0"))).isNull();
		assertThat(connectionHeader(upgrade)).isNull();
	}

	@Test
	void whenReadinessComesBackConnectionsStayOpenAgain() throws Exception {
		readiness(ReadinessState.REFUSING_TRAFFIC);
		readiness(ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(connectionHeader(request("HTTP/1.1"))).isNull();
	}

	private void readiness(ReadinessState state) {
		this.filter.onApplicationEvent(new AvailabilityChangeEvent<>(this, state));
	}

	private String connectionHeader(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, response, chain);
		assertThat(chain.getRequest()).as("the request went on to the application").isSameAs(request);
		return response.getHeader("Connection");
	}

	private static MockHttpServletRequest request(String protocol) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setProtocol(protocol);
		return request;
	}

}
