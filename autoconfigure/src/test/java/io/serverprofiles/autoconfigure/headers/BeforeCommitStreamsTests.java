package io.serverprofiles.autoconfigure.headers;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body stream and writer of a response whose headers are added before commit: each
 * way of writing, flushing or closing runs the action first and then reaches the
 * container's stream, and the rest is the container's. The container's stream and writer
 * are stand-ins that write down what reaches them; the server tests write only through a
 * few of these methods.
 */
class BeforeCommitStreamsTests {

	private final List<String> events = new ArrayList<>();

	private final Runnable beforeCommit = () -> this.events.add("commit");

	@Test
	void everyWriteFlushAndCloseOfTheStreamRunsTheActionFirst() throws IOException {
		RecordingStream container = new RecordingStream();
		ServletOutputStream out = new BeforeCommitOutputStream(container, this.beforeCommit);
		out.write('a');
		out.write("bc".getBytes(StandardCharsets.US_ASCII), 0, 2);
		out.write(ByteBuffer.wrap("d".getBytes(StandardCharsets.US_ASCII)));
		out.flush();
		out.close();
		assertTheActionRanBeforeEach("byte a", "bytes bc", "buffer d", "flush", "close");
	}

	@Test
	void theStreamsReadinessAndListenerAreTheContainers() {
		RecordingStream container = new RecordingStream();
		ServletOutputStream out = new BeforeCommitOutputStream(container, this.beforeCommit);
		container.ready = false;
		assertThat(out.isReady()).isFalse();
		container.ready = true;
		assertThat(out.isReady()).isTrue();
		out.setWriteListener(new WriteListener() {

			@Override
			public void onWritePossible() {
			}

			@Override
			public void onError(Throwable failure) {
			}

		});
		assertThat(this.events).containsExactly("listener");
	}

	@Test
	void everyWriteFlushAndCloseOfTheWriterRunsTheActionFirst() {
		RecordingWriter container = new RecordingWriter();
		PrintWriter writer = BeforeCommitWriter.wrap(new PrintWriter(container), this.beforeCommit);
		writer.write('a');
		writer.write(new char[] { 'b', 'c' }, 0, 2);
		writer.write("de", 0, 2);
		writer.flush();
		writer.close();
		assertTheActionRanBeforeEach("chars a", "chars bc", "chars de", "flush", "close");
	}

	@Test
	void theWriterReportsTheContainersErrors() {
		PrintWriter failing = new PrintWriter(new RecordingWriter()) {

			@Override
			public boolean checkError() {
				return true;
			}

		};
		assertThat(BeforeCommitWriter.wrap(failing, this.beforeCommit).checkError()).isTrue();
		assertThat(BeforeCommitWriter.wrap(new PrintWriter(new RecordingWriter()), this.beforeCommit).checkError())
			.isFalse();
	}

	/**
	 * The events were the action, then what reached the container, for each call.
	 */
	private void assertTheActionRanBeforeEach(String... reached) {
		List<String> expected = new ArrayList<>();
		for (String event : reached) {
			expected.add("commit");
			expected.add(event);
		}
		assertThat(this.events).containsExactlyElementsOf(expected);
	}

	/** The container's stream: writes down what reaches it. */
	private final class RecordingStream extends ServletOutputStream {

		private boolean ready = true;

		@Override
		public void write(int b) {
			BeforeCommitStreamsTests.this.events.add("byte " + (char) b);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			BeforeCommitStreamsTests.this.events.add("bytes " + new String(b, off, len, StandardCharsets.US_ASCII));
		}

		@Override
		public void write(ByteBuffer buffer) {
			BeforeCommitStreamsTests.this.events.add("buffer " + StandardCharsets.US_ASCII.decode(buffer));
		}

		@Override
		public void flush() {
			BeforeCommitStreamsTests.this.events.add("flush");
		}

		@Override
		public void close() {
			BeforeCommitStreamsTests.this.events.add("close");
		}

		@Override
		public boolean isReady() {
			return this.ready;
		}

		@Override
		public void setWriteListener(WriteListener writeListener) {
			BeforeCommitStreamsTests.this.events.add("listener");
		}

	}

	/** The container's writer: writes down what reaches it. */
	private final class RecordingWriter extends Writer {

		@Override
		public void write(char[] cbuf, int off, int len) {
			BeforeCommitStreamsTests.this.events.add("chars " + new String(cbuf, off, len));
		}

		@Override
		public void flush() {
			BeforeCommitStreamsTests.this.events.add("flush");
		}

		@Override
		public void close() {
			BeforeCommitStreamsTests.this.events.add("close");
		}

	}

}
