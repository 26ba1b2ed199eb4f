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

import org.springframework.util.unit.DataSize;

/**
 * A request whose body has no declared length (chunked), counted as it is read: reading
 * past the limit throws {@link RequestBodyTooLargeException}. Multipart and form bodies
 * are parsed by the container itself, which enforces the same limits.
 */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

	private final DataSize limit;

	private ServletInputStream inputStream;

	LimitedBodyRequest(HttpServletRequest request, DataSize limit) {
		super(request);
		this.limit = limit;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.inputStream == null) {
			this.inputStream = new CountingInputStream(super.getInputStream(), this.limit);
		}
		return this.inputStream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		String encoding = getCharacterEncoding();
		Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	private static final class CountingInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final DataSize limit;

		private long count;

		CountingInputStream(ServletInputStream delegate, DataSize limit) {
			this.delegate = delegate;
			this.limit = limit;
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

		private int counted(int result, int bytes) throws RequestBodyTooLargeException {
			this.count += bytes;
			if (this.count > this.limit.toBytes()) {
				throw new RequestBodyTooLargeException(this.limit);
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
