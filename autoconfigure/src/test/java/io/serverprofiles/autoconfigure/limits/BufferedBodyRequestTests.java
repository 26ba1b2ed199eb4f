package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What a handler sees of a body read ahead, through each way of reading a servlet stream:
 * blocking, {@code available}, and the non-blocking {@code ReadListener}, which the
 * server tests' handlers do not use. The wrapped request is Spring's mock: the wrapper
 * reads only its character encoding.
 */
class BufferedBodyRequestTests {

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");

	@Test
	void theBodyIsNotReadableBeforeItIsComplete() {
		BufferedBodyRequest buffered = new BufferedBodyRequest(this.request);
		assertThat(buffered.isComplete()).isFalse();
		assertThatIllegalStateException().isThrownBy(buffered::getInputStream)
			.withMessage("The body is still being read ahead");
	}

	@Test
	void aCompleteBodyIsReadFromMemory() throws Exception {
		BufferedBodyRequest buffered = complete("{\"a\":1}");
		ServletInputStream in = buffered.getInputStream();
		assertThat(in.isReady()).isTrue();
		assertThat(in.available()).isEqualTo(7);
		assertThat(in.isFinished()).isFalse();
		assertThat(in.read()).isEqualTo('{');
		byte[] rest = new byte[16];
		assertThat(in.read(rest, 0, rest.length)).isEqualTo(6);
		assertThat(in.available()).isZero();
		assertThat(in.isFinished()).isTrue();
		assertThat(in.read()).isEqualTo(-1);
	}

	@Test
	void aReadListenerIsToldTheWholeBodyIsThere() {
		ServletInputStream in = complete("abc").getInputStream();
		RecordingListener listener = new RecordingListener(in, false);
		in.setReadListener(listener);
		assertThat(listener.events).containsExactly("data 3", "all read");
	}

	@Test
	void aReadListenerThatFailsIsToldOfItsFailure() {
		ServletInputStream in = complete("abc").getInputStream();
		RecordingListener listener = new RecordingListener(in, true);
		in.setReadListener(listener);
		assertThat(listener.events).containsExactly("error handler failed");
	}

	@Test
	void theReaderDecodesInTheRequestsCharset() throws Exception {
		this.request.setCharacterEncoding("UTF-8");
		assertThat(complete("\u00e9t\u00e9").getReader().readLine()).isEqualTo("\u00e9t\u00e9");
	}

	@Test
	void theReaderDecodesInIso88591WithoutACharset() throws Exception {
		BufferedBodyRequest buffered = new BufferedBodyRequest(this.request);
		buffered.complete(new byte[] { (byte) 0xe9 });
		assertThat(buffered.getReader().readLine()).isEqualTo("\u00e9");
	}

	private BufferedBodyRequest complete(String body) {
		BufferedBodyRequest buffered = new BufferedBodyRequest(this.request);
		buffered.complete(body.getBytes(StandardCharsets.UTF_8));
		assertThat(buffered.isComplete()).isTrue();
		return buffered;
	}

	/** Writes down what the stream tells it; fails on data when asked to. */
	private static final class RecordingListener implements ReadListener {

		private final List<String> events = new ArrayList<>();

		private final ServletInputStream in;

		private final boolean fail;

		RecordingListener(ServletInputStream in, boolean fail) {
			this.in = in;
			this.fail = fail;
		}

		@Override
		public void onDataAvailable() throws IOException {
			if (this.fail) {
				throw new IOException("handler failed");
			}
			this.events.add("data " + this.in.available());
		}

		@Override
		public void onAllDataRead() {
			this.events.add("all read");
		}

		@Override
		public void onError(Throwable failure) {
			this.events.add("error " + failure.getMessage());
		}

	}

}
