package io.serverprofiles.autoconfigure.limits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * A request whose body is checked as it is read, whether the application reads it
 * blocking or the read-ahead without blocking: reading past the limit throws
 * {@link RequestBodyTooLargeException} (for a body without a declared length), and a body
 * slower than the minimum rate throws {@link RequestBodyTooSlowException}. Multipart and
 * form bodies are parsed by the container itself, which enforces the same size limits,
 * but not the rate.
 */
final class CheckedBodyRequest extends HttpServletRequestWrapper {

	private final DataSize limit;

	private final BodyRate rate;

	private final long startedNanos = System.nanoTime();

	private @Nullable ServletInputStream inputStream;

	CheckedBodyRequest(HttpServletRequest request, DataSize limit, BodyRate rate) {
		super(request);
		this.limit = limit;
		this.rate = rate;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.inputStream == null) {
			this.inputStream = new CheckedInputStream(super.getInputStream());
		}
		return this.inputStream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		String encoding = getCharacterEncoding();
		Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	private final class CheckedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private long count;

		CheckedInputStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			return (b != -1) ? counted(b, 1) : b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			return (read > 0) ? counted(read, read) : read;
		}

		private int counted(int result, int bytes) throws RefusedBodyException {
			this.count += bytes;
			if (this.count > CheckedBodyRequest.this.limit.toBytes()) {
				throw new RequestBodyTooLargeException(CheckedBodyRequest.this.limit);
			}
			if (CheckedBodyRequest.this.rate.isTooSlow(this.count,
					System.nanoTime() - CheckedBodyRequest.this.startedNanos)) {
				throw new RequestBodyTooSlowException(CheckedBodyRequest.this.rate);
			}
			return result;
		}

		@Override
		public int available() throws IOException {
			return this.delegate.available();
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener readListener) {
			this.delegate.setReadListener(readListener);
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

	}

}
