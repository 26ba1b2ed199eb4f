package io.serverprofiles.autoconfigure.accesslog;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Whole lines to {@code System.out} in batches: a request thread copies its line into a
 * buffer and returns; a daemon thread writes the buffer at least once per flush interval,
 * and sooner when it is half full. Each write holds whole lines, and at most
 * {@link #PIPE_BUF} bytes when the lines allow unless stdout is a regular file, so that a
 * pipe (a container's stdout) takes it at once. {@link #close()} writes what is left, and
 * every line after it is written at once: nothing is lost.
 */
final class BatchingConsole implements AutoCloseable {

	/**
	 * Longest write a pipe takes at once (POSIX PIPE_BUF on Linux).
	 */
	static final int PIPE_BUF = 4096;

	private static final int CAPACITY = 64 * 1024;

	private static final Path STANDARD_OUTPUT = Path.of("/proc/self/fd/1");

	private final Object lock = new Object();

	private final Object output = new Object();

	private final long flushIntervalMillis;

	private final int writeLimit;

	private final Thread flusher;

	private byte[] filling = new byte[CAPACITY];

	private byte[] spare = new byte[CAPACITY];

	private int filled;

	private boolean closed;

	/**
	 * Start the writer thread.
	 * @param flushInterval longest a line waits in the buffer
	 * @param writeLimit the most bytes of whole lines in one write
	 */
	BatchingConsole(Duration flushInterval, int writeLimit) {
		this.flushIntervalMillis = Math.max(1, flushInterval.toMillis());
		this.writeLimit = writeLimit;
		this.flusher = new Thread(this::flushUntilClosed, "access-log-writer");
		this.flusher.setDaemon(true);
		this.flusher.start();
	}

	/**
	 * The console for this process's stdout: writes of at most {@link #PIPE_BUF} bytes,
	 * unless stdout is a regular file (Linux tells through {@code /proc}). A file gets
	 * whole batches: shorter writes would keep no line more whole there, and each write
	 * call costs more than its bytes (about 9 µs per 4 KB on ext4 here, 1 µs on a pipe).
	 * @param flushInterval longest a line waits in the buffer
	 * @return the console
	 */
	static BatchingConsole forStandardOutput(Duration flushInterval) {
		return new BatchingConsole(flushInterval, writeLimit(STANDARD_OUTPUT));
	}

	/**
	 * How much one write may hold for what a file descriptor's link points at.
	 * @param descriptor the link, as {@code /proc/self/fd/N}
	 * @return {@link #PIPE_BUF}, or no limit for a regular file
	 */
	static int writeLimit(Path descriptor) {
		return Files.isRegularFile(descriptor) ? Integer.MAX_VALUE : PIPE_BUF;
	}

	/**
	 * Add whole lines.
	 * @param bytes the lines in UTF-8, each with its line separator
	 * @param length how many of the bytes to write
	 */
	void write(byte[] bytes, int length) {
		synchronized (this.lock) {
			if (!this.closed && this.filled + length <= CAPACITY) {
				System.arraycopy(bytes, 0, this.filling, this.filled, length);
				this.filled += length;
				if (this.filled >= CAPACITY / 2) {
					this.lock.notifyAll();
				}
				return;
			}
		}
		// Full (the writer thread is behind) or closed: write it now, after what was
		// buffered, so that lines keep their order.
		synchronized (this.output) {
			flush();
			writeOut(bytes, length, this.writeLimit);
		}
	}

	/**
	 * Write every buffered line now.
	 */
	void flush() {
		synchronized (this.output) {
			byte[] full;
			int length;
			synchronized (this.lock) {
				full = this.filling;
				length = this.filled;
				this.filling = this.spare;
				this.filled = 0;
			}
			writeOut(full, length, this.writeLimit);
			synchronized (this.lock) {
				this.spare = full;
			}
		}
	}

	/**
	 * Write what is buffered and stop the writer thread; lines that still come are
	 * written at once.
	 */
	@Override
	public void close() {
		synchronized (this.lock) {
			this.closed = true;
			this.lock.notifyAll();
		}
		flush();
	}

	private void flushUntilClosed() {
		while (true) {
			synchronized (this.lock) {
				if (this.closed) {
					return;
				}
				if (this.filled < CAPACITY / 2) {
					try {
						this.lock.wait(this.flushIntervalMillis);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
			flush();
		}
	}

	/**
	 * Writes of whole lines, each at most the limit unless one line is longer.
	 * {@code System.out} is looked up each time: it may be replaced (a test's output
	 * capture), as logback's console appender allows.
	 */
	private static void writeOut(byte[] bytes, int length, int limit) {
		if (length == 0) {
			return;
		}
		PrintStream out = System.out;
		int start = 0;
		while (start < length) {
			int end = chunkEnd(bytes, start, length, limit);
			out.write(bytes, start, end - start);
			out.flush();
			start = end;
		}
	}

	/**
	 * End of the longest run of whole lines from start that fits in the limit, or of the
	 * one line at start when it alone is longer.
	 */
	private static int chunkEnd(byte[] bytes, int start, int length, int limit) {
		int end = (length - start <= limit) ? length : start + limit;
		if (end == length) {
			return length;
		}
		for (int i = end - 1; i >= start; i--) {
			if (bytes[i] == '\n') {
				return i + 1;
			}
		}
		for (int i = end; i < length; i++) {
			if (bytes[i] == '\n') {
				return i + 1;
			}
		}
		return length;
	}

}
