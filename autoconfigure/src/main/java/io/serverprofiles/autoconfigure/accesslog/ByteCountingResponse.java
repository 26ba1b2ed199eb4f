package io.serverprofiles.autoconfigure.accesslog;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Counts the body bytes the application writes, for the access log.
 */
class ByteCountingResponse extends HttpServletResponseWrapper {

	private final AtomicLong bytes = new AtomicLong();

	private ServletOutputStream outputStream;

	private PrintWriter writer;

	ByteCountingResponse(HttpServletResponse response) {
		super(response);
	}

	long bytesWritten() {
		return this.bytes.get();
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.outputStream == null) {
			this.outputStream = new CountingOutputStream(super.getOutputStream(), this.bytes);
		}
		return this.outputStream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			Charset charset = Charset.forName(getCharacterEncoding());
			this.writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset), false);
		}
		return this.writer;
	}

	@Override
	public void flushBuffer() throws IOException {
		if (this.writer != null) {
			this.writer.flush();
		}
		super.flushBuffer();
	}

	/**
	 * Flush what the writer buffered, so that the count and the response are complete.
	 */
	void finish() {
		if (this.writer != null) {
			this.writer.flush();
		}
	}

	private static final class CountingOutputStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		private final AtomicLong bytes;

		CountingOutputStream(ServletOutputStream delegate, AtomicLong bytes) {
			this.delegate = delegate;
			this.bytes = bytes;
		}

		@Override
		public void write(int b) throws IOException {
			this.delegate.write(b);
			this.bytes.incrementAndGet();
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.delegate.write(b, off, len);
			this.bytes.addAndGet(len);
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.delegate.setWriteListener(listener);
		}

	}

}
