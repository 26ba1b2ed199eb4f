package io.serverprofiles.autoconfigure.limits;

import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server tests do not configure: allowed methods written in lower case.
 */
class RequestMethodFilterTests {

	private final RequestMethodFilter filter = new RequestMethodFilter(new LinkedHashSet<>(List.of("get", "propfind")),
			new RefusalLog(new RefusalRate(0, System::nanoTime)));

	@Test
	void allowedMethodsInLowerCaseAllowTheMethod() throws Exception {
		assertThat(send("PROPFIND").getStatus()).isEqualTo(200);
		assertThat(send("POST").getStatus()).isEqualTo(501);
	}

	@Test
	void traceNamesTheAllowedMethodsInUpperCaseInTheirOrder() throws Exception {
		MockHttpServletResponse response = send("TRACE");
		assertThat(response.getStatus()).isEqualTo(405);
		assertThat(response.getHeader("Allow")).isEqualTo("GET, PROPFIND");
	}

	private MockHttpServletResponse send(String method) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(new MockHttpServletRequest(method, "/"), response, new MockFilterChain());
		return response;
	}

}
