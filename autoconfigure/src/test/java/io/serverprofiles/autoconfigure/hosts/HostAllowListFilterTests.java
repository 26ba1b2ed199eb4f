package io.serverprofiles.autoconfigure.hosts;

import java.util.List;

import io.serverprofiles.autoconfigure.web.ProbePaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server tests cannot set up cheaply: an actuator moved to another base path,
 * and a Host no container would let through.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostAllowListFilterTests {

	private static final String PROPERTY = "server-profiles.prod.allowed-hosts";

	private final HostAllowListFilter filter = new HostAllowListFilter(
			HostAllowList.of(PROPERTY, List.of("app.example")), new ProbePaths("/manage"),
			HostRefusal.prodServer(PROPERTY));

	@Test
	void healthUnderAMovedActuatorIsAProbe() throws Exception {
		assertThat(statusFor("10.0.0.5", "/manage/health/readiness")).isEqualTo(200);
		assertThat(statusFor("10.0.0.5", "/manage/health")).isEqualTo(200);
	}

	@Test
	void theOldActuatorPathIsNoLongerAProbe() throws Exception {
		assertThat(statusFor("10.0.0.5", "/actuator/health")).isEqualTo(400);
	}

	@Test
	void aRefusedHostIsLoggedWithoutItsControlCharacters(CapturedOutput output) throws Exception {
		assertThat(statusFor("evil.example\r\nForged\u2028line", "/")).isEqualTo(400);
		assertThat(output).contains("Refused a request for host 'evil.example??forged?line'")
			.doesNotContain("\nforged");
	}

	private int statusFor(String host, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServerName(host);
		request.setServletPath(path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}

}
