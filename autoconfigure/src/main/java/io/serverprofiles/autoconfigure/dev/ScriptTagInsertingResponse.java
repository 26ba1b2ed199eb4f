package io.serverprofiles.autoconfigure.dev;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * A response that holds back an HTML page until it is complete, then sends it with the
 * reload script's tag inserted and a Content-Length to match (whatever length the
 * application set for the page without it). Every other response passes through as it is
 * written, unbuffered: whether the body is a page is decided once, when the application
 * first asks for the body's stream or writer or flushes, from the Content-Type it has set
 * by then. A page that goes asynchronous is let go unchanged.
 */
final class ScriptTagInsertingResponse extends HttpServletResponseWrapper {

	private final ReloadScriptTag tag;

	private boolean decided;

	private @Nullable PageBuffer page;

	private @Nullable PrintWriter writer;

	/**
	 * Wrap the response to a request for a page.
	 * @param response the response
	 * @param tag the tag to insert
	 */
	ScriptTagInsertingResponse(HttpServletResponse response, ReloadScriptTag tag) {
		super(response);
		this.tag = tag;
	}

	/**
	 * Send the page held back with the tag inserted; called when the request's dispatch
	 * ends.
	 * @param asyncStarted whether the request went asynchronous: the response is written
	 * later, maybe through this wrapper, and passes through unchanged
	 * @throws IOException when the page cannot be sent
	 */
	void finish(boolean asyncStarted) throws IOException {
		if (this.page == null || !this.page.holding()) {
			this.decided = true;
			return;
		}
		if (this.writer != null) {
			this.writer.flush();
		}
		if (asyncStarted) {
			this.page.letGo();
			return;
		}
		byte[] written = this.page.held();
		if (written.length > 0) {
			// The application may have named another charset since it began the page.
			Charset charset = Charset.forName(getCharacterEncoding());
			byte[] sent = ReloadScriptTag.fits(charset) ? this.tag.insertInto(written, charset) : written;
			super.setContentLengthLong(sent.length);
			super.getOutputStream().write(sent);
		}
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		PageBuffer held = page();
		return (held != null) ? held : super.getOutputStream();
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		PageBuffer held = page();
		if (held == null) {
			return super.getWriter();
		}
		if (this.writer == null) {
			// As the container's getWriter() does, the charset goes into the
			// Content-Type.
			setCharacterEncoding(getCharacterEncoding());
			this.writer = new PrintWriter(new OutputStreamWriter(held, getCharacterEncoding()));
		}
		return this.writer;
	}

	@Override
	public void flushBuffer() throws IOException {
		if (page() == null) {
			super.flushBuffer();
		}
	}

	@Override
	public void resetBuffer() {
		super.resetBuffer();
		if (this.page != null) {
			if (this.writer != null) {
				this.writer.flush();
			}
			this.page.reset();
		}
	}

	@Override
	public void reset() {
		super.reset();
		this.decided = false;
		this.page = null;
		this.writer = null;
	}

	@Override
	public void sendError(int sc, String msg) throws IOException {
		passThrough();
		super.sendError(sc, msg);
	}

	@Override
	public void sendError(int sc) throws IOException {
		passThrough();
		super.sendError(sc);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		passThrough();
		super.sendRedirect(location);
	}

	@Override
	public void sendRedirect(String location, int sc) throws IOException {
		passThrough();
		super.sendRedirect(location, sc);
	}

	@Override
	public void sendRedirect(String location, boolean clearBuffer) throws IOException {
		passThrough();
		super.sendRedirect(location, clearBuffer);
	}

	@Override
	public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
		passThrough();
		super.sendRedirect(location, sc, clearBuffer);
	}

	private @Nullable PageBuffer page() {
		if (!this.decided) {
			this.decided = true;
			this.page = isPage() ? new PageBuffer(getResponse()) : null;
		}
		return this.page;
	}

	private void passThrough() {
		this.decided = true;
		this.page = null;
		this.writer = null;
	}

	/**
	 * Whether the body is a page the browser shows as it is: HTML, in whole, neither
	 * compressed nor in an encoding that the tag does not fit.
	 */
	private boolean isPage() {
		String contentType = getContentType();
		if (contentType == null || getHeader(HttpHeaders.CONTENT_ENCODING) != null
				|| getStatus() == SC_PARTIAL_CONTENT) {
			return false;
		}
		try {
			MimeType type = MimeTypeUtils.parseMimeType(contentType);
			return MimeTypeUtils.TEXT_HTML.equalsTypeAndSubtype(type)
					&& ReloadScriptTag.fits(Charset.forName(getCharacterEncoding()));
		}
		catch (IllegalArgumentException ex) {
			// An unparsable Content-Type (InvalidMimeTypeException) or charset.
			return false;
		}
	}

}
