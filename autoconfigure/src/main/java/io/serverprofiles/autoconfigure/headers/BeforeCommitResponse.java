package io.serverprofiles.autoconfigure.headers;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.IntConsumer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A response that runs an action once, just before it may commit: on the first write or
 * flush of its body, on {@code sendError}, {@code sendRedirect} and {@code flushBuffer}.
 * Headers added then still reach the client when the application streams, redirects or
 * fails. Spring Security's {@code OnCommittedResponseWrapper} does the same for its
 * headers.
 */
final class BeforeCommitResponse extends HttpServletResponseWrapper {

	private final IntConsumer action;

	private boolean done;

	private @Nullable ServletOutputStream outputStream;

	private @Nullable PrintWriter writer;

	/**
	 * Wrap a response.
	 * @param response the response
	 * @param action what to do before it commits, given the status it will have
	 */
	BeforeCommitResponse(HttpServletResponse response, IntConsumer action) {
		super(response);
		this.action = action;
	}

	private void beforeCommit() {
		beforeCommit(getStatus());
	}

	private void beforeCommit(int status) {
		if (!this.done) {
			this.done = true;
			this.action.accept(status);
		}
	}

	@Override
	public void sendError(int sc, String msg) throws IOException {
		beforeCommit(sc);
		super.sendError(sc, msg);
	}

	@Override
	public void sendError(int sc) throws IOException {
		beforeCommit(sc);
		super.sendError(sc);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		beforeCommit(SC_FOUND);
		super.sendRedirect(location);
	}

	@Override
	public void sendRedirect(String location, int sc) throws IOException {
		beforeCommit(sc);
		super.sendRedirect(location, sc);
	}

	@Override
	public void sendRedirect(String location, boolean clearBuffer) throws IOException {
		beforeCommit(SC_FOUND);
		super.sendRedirect(location, clearBuffer);
	}

	@Override
	public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
		beforeCommit(sc);
		super.sendRedirect(location, sc, clearBuffer);
	}

	@Override
	public void flushBuffer() throws IOException {
		beforeCommit();
		super.flushBuffer();
	}

	@Override
	public void reset() {
		super.reset();
		this.done = false;
		this.outputStream = null;
		this.writer = null;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.outputStream == null) {
			this.outputStream = new BeforeCommitOutputStream(super.getOutputStream(), this::beforeCommit);
		}
		return this.outputStream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			this.writer = BeforeCommitWriter.wrap(super.getWriter(), this::beforeCommit);
		}
		return this.writer;
	}

}
