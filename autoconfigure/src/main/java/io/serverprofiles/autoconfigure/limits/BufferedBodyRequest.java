package io.serverprofiles.autoconfigure.limits;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A request whose body was read ahead into memory, handed to the application once it is
 * complete.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

	private @Nullable ServletInputStream body;

	BufferedBodyRequest(HttpServletRequest request) {
		super(request);
	}

	void complete(byte[] body) {
		this.body = new BodyInputStream(new ByteArrayInputStream(body));
	}

	boolean isComplete() {
		return this.body != null;
	}

	@Override
	public ServletInputStream getInputStream() {
		Assert.state(this.body != null, "The body is still being read ahead");
		return this.body;
	}

	@Override
	public BufferedReader getReader() {
		String encoding = getCharacterEncoding();
		Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	private static final class BodyInputStream extends ServletInputStream {

		private final ByteArrayInputStream body;

		BodyInputStream(ByteArrayInputStream body) {
			this.body = body;
		}

		@Override
		public int read() {
			return this.body.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.body.read(buffer, offset, length);
		}

		@Override
		public int available() {
			return this.body.available();
		}

		@Override
		public boolean isFinished() {
			return this.body.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener readListener) {
			// All of the body is here already.
			try {
				readListener.onDataAvailable();
				readListener.onAllDataRead();
			}
			catch (IOException ex) {
				readListener.onError(ex);
			}
		}

	}

}
