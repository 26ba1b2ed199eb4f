package io.serverprofiles.autoconfigure.limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

import io.serverprofiles.autoconfigure.prod.ErrorResponse;
import io.serverprofiles.autoconfigure.web.AnsweredStatus;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * Reads one request body ahead as it arrives, then dispatches the request to its handler;
 * answers 408 when the body is slower than the minimum rate, and 413 when it is larger
 * than declared and the limit. Releases the body's share of the budget when the request
 * ends.
 */
final class BodyReader implements ReadListener, AsyncListener {

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	private final AsyncContext async;

	private final BufferedBodyRequest buffered;

	private final Limits limits;

	private final ByteArrayOutputStream body;

	private final byte[] chunk = new byte[8192];

	private boolean done;

	private long reserved;

	BodyReader(HttpServletRequest request, HttpServletResponse response, AsyncContext async,
			BufferedBodyRequest buffered, Limits limits) {
		this.request = request;
		this.response = response;
		this.async = async;
		this.buffered = buffered;
		this.limits = limits;
		this.body = new ByteArrayOutputStream((int) Math.min(Math.max(limits.length(), 512), 1 << 20));
	}

	@Override
	public synchronized void onDataAvailable() {
		try {
			ServletInputStream in = this.request.getInputStream();
			while (!this.done && in.isReady()) {
				int read = in.read(this.chunk);
				if (read == -1) {
					return;
				}
				if (!this.limits.budget().tryReserve(read)) {
					refuse(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "request bodies in memory reached "
							+ "server-profiles.prod.limits.read-ahead-size; retry later");
					return;
				}
				this.reserved += read;
				this.body.write(this.chunk, 0, read);
			}
		}
		catch (RefusedBodyException ex) {
			refuse(ex.getStatus(), ex.getMessage());
		}
		catch (IOException ex) {
			// The client went away; the container ends the request.
			clientLeft();
		}
	}

	@Override
	public synchronized void onAllDataRead() {
		if (!this.done) {
			this.done = true;
			this.buffered.complete(this.body.toByteArray());
			this.async.dispatch();
		}
	}

	@Override
	public synchronized void onError(Throwable failure) {
		if (isTimeout(failure)) {
			refuse(HttpServletResponse.SC_REQUEST_TIMEOUT,
					"no body bytes within the connection's read timeout (server-profiles.prod.connection-timeout)");
		}
		else if (!this.done) {
			clientLeft();
			this.async.complete();
		}
	}

	/**
	 * The client went away mid-body: its fault, not the server's, so the access log says
	 * 400 (as nginx logs it), not the 500 the container would log; no answer can reach
	 * the client. Its memory is given back now, not when the container gets round to
	 * ending the request.
	 */
	private void clientLeft() {
		this.done = true;
		this.limits.budget().release(this.reserved);
		this.reserved = 0;
		AnsweredStatus.record(this.request, HttpServletResponse.SC_BAD_REQUEST);
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof SocketTimeoutException || candidate instanceof TimeoutException) {
				return true;
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return false;
	}

	@Override
	public synchronized void onTimeout(AsyncEvent event) {
		if (!this.buffered.isComplete() && this.limits.length() > 0) {
			refuse(HttpServletResponse.SC_REQUEST_TIMEOUT,
					"body of " + this.limits.length() + "B not received within "
							+ this.limits.rate().deadline(this.limits.length()).toMillis()
							+ "ms, slower than server-profiles.prod.limits.min-body-rate (" + this.limits.rate() + ")");
		}
	}

	@Override
	public synchronized void onError(AsyncEvent event) {
		// Tomcat tells the async listeners of a failed read too, after the read listener
		// answered it: unless a listener completes the request now, Tomcat sets 500 and
		// forwards to the error page, which fails on the answer already written.
		if (this.done) {
			this.async.complete();
		}
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
		// The handler began an async cycle of its own: stay, to release the budget
		// at its end.
		event.getAsyncContext().addListener(this);
	}

	@Override
	public synchronized void onComplete(AsyncEvent event) {
		this.limits.budget().release(this.reserved);
		this.reserved = 0;
	}

	private void refuse(int status, String reason) {
		if (this.done) {
			return;
		}
		this.done = true;
		this.limits.refusalLog().refused(status, this.request.getMethod(), this.request.getRequestURI(), reason);
		try {
			this.response.setHeader(HttpHeaders.CONNECTION, "close");
			ErrorResponse.send(this.response, status, this.request.getRequestURI());
		}
		catch (IOException ex) {
			// The client went away.
		}
		this.async.complete();
	}

	/**
	 * What one body is held to.
	 *
	 * @param length the body's declared length, or -1 when unknown
	 * @param budget the budget its bytes are reserved from
	 * @param rate the minimum rate
	 * @param refusalLog where refusals are logged
	 */
	record Limits(long length, ReadAheadBudget budget, BodyRate rate, RefusalLog refusalLog) {
	}

}
