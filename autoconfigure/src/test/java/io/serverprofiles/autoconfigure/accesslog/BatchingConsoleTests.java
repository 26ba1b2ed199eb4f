package io.serverprofiles.autoconfigure.accesslog;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batching console: whole lines, writes a pipe takes at once (a file takes a whole
 * batch), nothing lost at close.
 */
class BatchingConsoleTests {

	private static final Duration FLUSH_INTERVAL = Duration.ofMillis(200);

	private final Writes writes = new Writes();

	private PrintStream console;

	@BeforeEach
	void captureSystemOut() {
		this.console = System.out;
		System.setOut(new PrintStream(this.writes, false, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restoreSystemOut() {
		System.setOut(this.console);
	}

	@Test
	void linesAreWrittenWithinTheFlushInterval() {
		try (BatchingConsole console = new BatchingConsole(FLUSH_INTERVAL, BatchingConsole.PIPE_BUF)) {
			write(console, "one");
			write(console, "two");
			await().atMost(FLUSH_INTERVAL.multipliedBy(5)).until(() -> this.writes.text().equals("one\ntwo\n"));
		}
	}

	@Test
	void closeWritesWhatIsBufferedAndLaterLinesAtOnce() {
		BatchingConsole console = new BatchingConsole(FLUSH_INTERVAL, BatchingConsole.PIPE_BUF);
		for (int i = 0; i < 1000; i++) {
			write(console, "line " + i);
		}
		console.close();
		assertThat(this.writes.text().lines()).hasSize(1000).startsWith("line 0").endsWith("line 999");
		write(console, "after close");
		assertThat(this.writes.text()).endsWith("line 999\nafter close\n");
	}

	@Test
	void eachWriteIsWholeLinesOfAtMostPipeBufBytes() {
		writeThousandLines(BatchingConsole.PIPE_BUF);
		assertThat(this.writes.chunks).allSatisfy((chunk) -> {
			assertThat(chunk.length).isLessThanOrEqualTo(BatchingConsole.PIPE_BUF);
			assertThat(chunk[chunk.length - 1]).isEqualTo((byte) '\n');
		});
	}

	@Test
	void toARegularFileABatchIsWrittenWhole() {
		writeThousandLines(Integer.MAX_VALUE);
		assertThat(this.writes.chunks)
			.anySatisfy((chunk) -> assertThat(chunk.length).isGreaterThanOrEqualTo(BatchingConsole.PIPE_BUF * 4));
		assertThat(this.writes.chunks)
			.allSatisfy((chunk) -> assertThat(chunk[chunk.length - 1]).isEqualTo((byte) '\n'));
	}

	@Test
	void onlyARegularFileLiftsTheLimit(@TempDir Path directory) throws Exception {
		Path file = Files.writeString(directory.resolve("out.log"), "");
		Path fifo = directory.resolve("fifo");
		assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
		assertThat(BatchingConsole.writeLimit(file)).isEqualTo(Integer.MAX_VALUE);
		assertThat(BatchingConsole.writeLimit(fifo)).isEqualTo(BatchingConsole.PIPE_BUF);
		assertThat(BatchingConsole.writeLimit(directory)).isEqualTo(BatchingConsole.PIPE_BUF);
		assertThat(BatchingConsole.writeLimit(directory.resolve("missing"))).isEqualTo(BatchingConsole.PIPE_BUF);
	}

	@Test
	void aLineLongerThanPipeBufIsWrittenWhole() {
		String longLine = "y".repeat(BatchingConsole.PIPE_BUF + 10);
		try (BatchingConsole console = new BatchingConsole(FLUSH_INTERVAL, BatchingConsole.PIPE_BUF)) {
			write(console, "short");
			write(console, longLine);
			write(console, "after");
		}
		assertThat(this.writes.text()).isEqualTo("short\n" + longLine + "\nafter\n");
		assertThat(this.writes.chunks)
			.allSatisfy((chunk) -> assertThat(chunk[chunk.length - 1]).isEqualTo((byte) '\n'));
	}

	@Test
	void theWriterThreadIsADaemonThatEndsAtClose() {
		BatchingConsole console = new BatchingConsole(FLUSH_INTERVAL, BatchingConsole.PIPE_BUF);
		Thread writer = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("access-log-writer") && thread.isAlive())
			.findFirst()
			.orElseThrow();
		assertThat(writer.isDaemon()).isTrue();
		console.close();
		await().atMost(Duration.ofSeconds(5)).until(() -> !writer.isAlive());
	}

	/**
	 * More than the buffer holds (the request threads write some themselves), all of it
	 * written by the time the console is closed.
	 */
	private void writeThousandLines(int writeLimit) {
		String line = "x".repeat(499);
		try (BatchingConsole console = new BatchingConsole(FLUSH_INTERVAL, writeLimit)) {
			for (int i = 0; i < 1000; i++) {
				write(console, line);
			}
		}
		assertThat(this.writes.text().lines()).hasSize(1000).allMatch(line::equals);
	}

	private static void write(BatchingConsole console, String line) {
		byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
		console.write(bytes, bytes.length);
	}

	/**
	 * What reaches the stream, write by write (a flush ends a write, as it does on
	 * {@code System.out}'s buffered stream).
	 */
	private static final class Writes extends OutputStream {

		private final ByteArrayOutputStream all = new ByteArrayOutputStream();

		private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

		private final List<byte[]> chunks = new ArrayList<>();

		@Override
		public synchronized void write(int b) {
			this.pending.write(b);
		}

		@Override
		public synchronized void write(byte[] b, int off, int len) {
			this.pending.write(b, off, len);
		}

		@Override
		public synchronized void flush() {
			if (this.pending.size() > 0) {
				this.chunks.add(this.pending.toByteArray());
				this.all.writeBytes(this.pending.toByteArray());
				this.pending.reset();
			}
		}

		synchronized String text() {
			return this.all.toString(StandardCharsets.UTF_8);
		}

	}

}
