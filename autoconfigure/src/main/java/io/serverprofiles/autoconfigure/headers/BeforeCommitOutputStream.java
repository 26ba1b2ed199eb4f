package io.serverprofiles.autoconfigure.headers;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * The body stream of a {@link BeforeCommitResponse}: runs its action before the first
 * byte or flush reaches the container.
 */
final class BeforeCommitOutputStream extends ServletOutputStream {

	private final ServletOutputStream delegate;

	private final Runnable beforeCommit;

	BeforeCommitOutputStream(ServletOutputStream delegate, Runnable beforeCommit) {
		this.delegate = delegate;
		this.beforeCommit = beforeCommit;
	}

	@Override
	public void write(int b) throws IOException {
		this.beforeCommit.run();
		this.delegate.write(b);
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		this.beforeCommit.run();
		this.delegate.write(b, off, len);
	}

	@Override
	public void write(ByteBuffer buffer) throws IOException {
		this.beforeCommit.run();
		this.delegate.write(buffer);
	}

	@Override
	public void flush() throws IOException {
		this.beforeCommit.run();
		this.delegate.flush();
	}

	@Override
	public void close() throws IOException {
		this.beforeCommit.run();
		this.delegate.close();
	}

	@Override
	public boolean isReady() {
		return this.delegate.isReady();
	}

	@Override
	public void setWriteListener(WriteListener writeListener) {
		this.delegate.setWriteListener(writeListener);
	}

}
