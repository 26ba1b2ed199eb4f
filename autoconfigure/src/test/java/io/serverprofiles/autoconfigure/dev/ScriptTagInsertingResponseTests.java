package io.serverprofiles.autoconfigure.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches the container when the application writes a response to a request for a
 * page.
 */
class ScriptTagInsertingResponseTests {

	private static final String TAG = "<script src=\"/.server-profiles/reload.js\" defer></script>";

	private final MockHttpServletResponse container = new MockHttpServletResponse();

	private final ScriptTagInsertingResponse response = new ScriptTagInsertingResponse(this.container,
			new ReloadScriptTag(""));

	@Test
	void aPageWrittenWithTheWriterIsSentWhenCompleteWithTheTagAndItsLength() throws IOException {
		this.response.setContentType("text/html;charset=UTF-8");
		this.response.setContentLength(31);
		this.response.getWriter().print("<head>caf\u00e9</head><body></body>");
		this.response.getWriter().flush();
		assertThat(this.container.getContentAsByteArray()).isEmpty();
		this.response.finish(false);
		String sent = "<head>caf\u00e9" + TAG + "</head><body></body>";
		assertThat(this.container.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(sent);
		assertThat(this.container.getContentLength()).isEqualTo(sent.getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void aResponseThatIsNotAPageWritesStraightToTheContainer() throws IOException {
		this.response.setContentType("application/json");
		assertThat(this.response.getOutputStream()).isSameAs(this.container.getOutputStream());
	}

	@Test
	void aResponseThatIsNotAPageGetsTheContainersWriter() throws IOException {
		this.response.setContentType("text/event-stream");
		assertThat(this.response.getWriter()).isSameAs(this.container.getWriter());
	}

	@Test
	void whetherTheBodyIsAPageIsDecidedWhenTheApplicationFirstAsksForIt() throws IOException {
		assertThat(this.response.getOutputStream()).isSameAs(this.container.getOutputStream());
		this.response.setContentType("text/html");
		assertThat(this.response.getOutputStream()).isSameAs(this.container.getOutputStream());
	}

	@Test
	void aCompressedOrPartialPageIsNotChanged() throws IOException {
		this.response.setContentType("text/html");
		this.response.setHeader("Content-Encoding", "gzip");
		assertThat(this.response.getOutputStream()).isSameAs(this.container.getOutputStream());
		this.response.reset();
		this.response.setContentType("text/html");
		this.response.setStatus(206);
		assertThat(this.response.getOutputStream()).isSameAs(this.container.getOutputStream());
	}

	@Test
	void aPageThatGoesAsynchronousIsLetGoUnchanged() throws IOException {
		this.response.setContentType("text/html;charset=UTF-8");
		this.response.getOutputStream().print("<head>");
		this.response.finish(true);
		this.response.getOutputStream().print("</head>");
		assertThat(this.container.getContentAsString()).isEqualTo("<head></head>");
	}

	@Test
	void aResponseThatGoesAsynchronousBeforeItsBodyPassesThrough() throws IOException {
		this.response.finish(true);
		this.response.setContentType("text/html");
		assertThat(this.response.getOutputStream()).isSameAs(this.container.getOutputStream());
	}

	@Test
	void anErrorDropsThePageWrittenSoFar() throws IOException {
		this.response.setContentType("text/html");
		this.response.getOutputStream().print("<head></head>");
		this.response.sendError(404);
		this.response.finish(false);
		assertThat(this.container.getContentAsString()).isEmpty();
		assertThat(this.container.getStatus()).isEqualTo(404);
	}

	@Test
	void anEmptyPageStaysEmpty() throws IOException {
		this.response.setContentType("text/html");
		this.response.setStatus(304);
		this.response.flushBuffer();
		this.response.finish(false);
		assertThat(this.container.getContentAsByteArray()).isEmpty();
		assertThat(this.container.isCommitted()).isFalse();
	}

}
