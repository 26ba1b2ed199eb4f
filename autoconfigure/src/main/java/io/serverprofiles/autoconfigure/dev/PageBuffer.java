package io.serverprofiles.autoconfigure.dev;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import org.jspecify.annotations.Nullable;

/**
 * The body stream of a page that {@link ScriptTagInsertingResponse} holds back: flushes
 * and closes wait for the complete page. A page that goes asynchronous is let go: what it
 * wrote so far and all it writes from then on pass through unchanged.
 */
final class PageBuffer extends ServletOutputStream {

	private final ByteArrayOutputStream page = new ByteArrayOutputStream();

	private final ServletResponse container;

	private @Nullable ServletOutputStream passedTo;

	/**
	 * A buffer for one page.
	 * @param container the response the page is for, whose stream a page let go writes to
	 */
	PageBuffer(ServletResponse container) {
		this.container = container;
	}

	@Override
	public void write(int b) throws IOException {
		target().write(b);
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		target().write(b, off, len);
	}

	@Override
	public void flush() throws IOException {
		if (this.passedTo != null) {
			this.passedTo.flush();
		}
	}

	@Override
	public void close() throws IOException {
		if (this.passedTo != null) {
			this.passedTo.close();
		}
	}

	@Override
	public boolean isReady() {
		return this.passedTo == null || this.passedTo.isReady();
	}

	@Override
	public void setWriteListener(WriteListener writeListener) {
		// Non-blocking writes: only the container's stream can call the listener.
		try {
			letGo().setWriteListener(writeListener);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether the page is still held back.
	 * @return {@code false} once it is let go
	 */
	boolean holding() {
		return this.passedTo == null;
	}

	/**
	 * The page written so far, while it is held back.
	 * @return its bytes
	 */
	byte[] held() {
		return this.page.toByteArray();
	}

	/**
	 * Forget the page written so far, as the response's buffer is reset.
	 */
	void reset() {
		this.page.reset();
	}

	/**
	 * Stop holding the page back: what it wrote so far goes to the container now, all it
	 * writes from then on goes straight there.
	 * @return the container's stream
	 * @throws IOException when the page cannot be written
	 */
	ServletOutputStream letGo() throws IOException {
		if (this.passedTo == null) {
			ServletOutputStream out = this.container.getOutputStream();
			out.write(this.page.toByteArray());
			this.passedTo = out;
		}
		return this.passedTo;
	}

	private OutputStream target() {
		return (this.passedTo != null) ? this.passedTo : this.page;
	}

}
