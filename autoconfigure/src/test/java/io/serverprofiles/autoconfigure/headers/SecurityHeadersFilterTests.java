package io.serverprofiles.autoconfigure.headers;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter adds its headers before each way a response can commit. The server tests
 * show the same on Tomcat and Jetty; these cover the ways the test app does not use.
 */
class SecurityHeadersFilterTests {

	private final SecurityHeadersFilter filter = new SecurityHeadersFilter(
			SecurityHeaders.of(new SecurityHeadersProperties()));

	@Test
	void headersArriveBeforeARedirectCommits() throws Exception {
		MockHttpServletResponse response = run((req, res) -> res.sendRedirect("/elsewhere"));
		assertThat(response.isCommitted()).isTrue();
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void headersArriveBeforeSendErrorCommitsWithNoStoreForItsStatus() throws Exception {
		MockHttpServletResponse response = run((req, res) -> res.sendError(403));
		assertThat(response.isCommitted()).isTrue();
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void headersArriveBeforeSendErrorWithAMessageCommits() throws Exception {
		MockHttpServletResponse response = run((req, res) -> res.sendError(404, "gone"));
		assertThat(response.isCommitted()).isTrue();
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void headersArriveBeforeEveryFormOfRedirectCommits() throws Exception {
		for (Handler redirect : new Handler[] { (req, res) -> res.sendRedirect("/a", 301),
				(req, res) -> res.sendRedirect("/a", false), (req, res) -> res.sendRedirect("/a", 308, true) }) {
			MockHttpServletResponse response = run(redirect);
			assertThat(response.isCommitted()).isTrue();
			assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		}
	}

	@Test
	void headersArriveBeforeAnEmptyBodyIsFlushed() throws Exception {
		MockHttpServletResponse response = run((req, res) -> res.flushBuffer());
		assertThat(response.isCommitted()).isTrue();
		assertThat(response.getHeader("Cross-Origin-Resource-Policy")).isNotNull();
	}

	@Test
	void headersArriveBeforeAFlushedWriterCommits() throws Exception {
		MockHttpServletResponse response = run((req, res) -> {
			res.getWriter().print("early");
			res.getWriter().flush();
		});
		assertThat(response.isCommitted()).isTrue();
		assertThat(response.getHeader("Content-Security-Policy")).startsWith("default-src 'none'");
	}

	@Test
	void headersArriveBeforeAFlushedStreamCommits() throws Exception {
		MockHttpServletResponse response = run((req, res) -> {
			res.getOutputStream().write(1);
			res.getOutputStream().flush();
		});
		assertThat(response.isCommitted()).isTrue();
		assertThat(response.getHeader("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
	}

	@Test
	void headersSurviveAResetBeforeCommit() throws Exception {
		MockHttpServletResponse response = run((req, res) -> {
			res.getWriter().print("discarded");
			res.reset();
			res.getWriter().print("kept");
			res.flushBuffer();
		});
		assertThat(response.getContentAsString()).isEqualTo("kept");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
	}

	@Test
	void aSecureRequestGetsHsts() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setSecure(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
	}

	private MockHttpServletResponse run(Handler handler) throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		HttpServlet servlet = new HttpServlet() {

			@Override
			protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
				handler.handle(req, res);
			}

		};
		this.filter.doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain(servlet));
		return response;
	}

	interface Handler {

		void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;

	}

}
