package io.serverprofiles.autoconfigure.headers;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The body writer of a {@link BeforeCommitResponse}: runs its action before the first
 * character or flush reaches the container.
 */
final class BeforeCommitWriter extends Writer {

	private final PrintWriter delegate;

	private final Runnable beforeCommit;

	private BeforeCommitWriter(PrintWriter delegate, Runnable beforeCommit) {
		super(delegate);
		this.delegate = delegate;
		this.beforeCommit = beforeCommit;
	}

	/**
	 * Wrap the container's writer. Every {@code print} of a {@link PrintWriter} ends in
	 * one of this writer's methods; the container's writer reports errors itself.
	 * @param delegate the container's writer
	 * @param beforeCommit what to run first
	 * @return the writer to hand to the application
	 */
	static PrintWriter wrap(PrintWriter delegate, Runnable beforeCommit) {
		return new PrintWriter(new BeforeCommitWriter(delegate, beforeCommit)) {

			@Override
			public boolean checkError() {
				return super.checkError() || delegate.checkError();
			}

		};
	}

	@Override
	public void write(int c) {
		this.beforeCommit.run();
		this.delegate.write(c);
	}

	@Override
	public void write(char[] cbuf, int off, int len) {
		this.beforeCommit.run();
		this.delegate.write(cbuf, off, len);
	}

	@Override
	public void write(String str, int off, int len) {
		this.beforeCommit.run();
		this.delegate.write(str, off, len);
	}

	@Override
	public void flush() {
		this.beforeCommit.run();
		this.delegate.flush();
	}

	@Override
	public void close() {
		this.beforeCommit.run();
		this.delegate.close();
	}

}
