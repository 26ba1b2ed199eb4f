package io.serverprofiles.autoconfigure.accesslog;

import java.io.IOException;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.serverprofiles.autoconfigure.prod.ProbePaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * Gives every request an id (honouring {@code X-Request-Id}, echoing it back and putting
 * it in the MDC) and logs one line when the request completes: client, method, path,
 * status, body bytes, duration and id. Behind a proxy the client and scheme are the ones
 * the trusted proxy reported. The fields are also key-value pairs, which Boot's
 * structured logging writes as JSON fields.
 */
public class AccessLogFilter extends HttpFilter {

	/**
	 * Logger of the access log.
	 */
	public static final String LOGGER_NAME = "io.serverprofiles.access";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private final boolean includeProbes;

	private final ProbePaths probes;

	/**
	 * Create the filter.
	 * @param includeProbes whether probes are logged at INFO like other requests
	 * @param probes the paths the platforms probe
	 */
	public AccessLogFilter(boolean includeProbes, ProbePaths probes) {
		this.includeProbes = includeProbes;
		this.probes = probes;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		String id = RequestId.honourOrCreate(request.getHeader(RequestId.HEADER));
		response.setHeader(RequestId.HEADER, id);
		MDC.put(RequestId.MDC_KEY, id);
		ByteCountingResponse counting = new ByteCountingResponse(response);
		boolean failed = true;
		try {
			chain.doFilter(request, counting);
			failed = false;
		}
		finally {
			MDC.remove(RequestId.MDC_KEY);
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new LogOnCompletion(request, counting, started, id));
			}
			else {
				counting.finish();
				log(request, failed ? 500 : counting.getStatus(), counting.bytesWritten(), started, id);
			}
		}
	}

	private void log(HttpServletRequest request, int status, long bytes, long started, String id) {
		long nanos = System.nanoTime() - started;
		long millis = nanos / 1_000_000;
		String path = request.getRequestURI();
		Level level = (this.includeProbes || !this.probes.matches(request)) ? Level.INFO : Level.DEBUG;
		if (!logger.isEnabledForLevel(level)) {
			return;
		}
		logger.atLevel(level)
			.addKeyValue("client.ip", request.getRemoteAddr())
			.addKeyValue("http.request.method", request.getMethod())
			.addKeyValue("url.path", path)
			.addKeyValue("url.scheme", request.getScheme())
			.addKeyValue("http.response.status_code", status)
			.addKeyValue("http.response.body.bytes", bytes)
			.addKeyValue("event.duration", nanos)
			.addKeyValue("http.request.id", id)
			.log("{} \"{} {}\" {} {}B {}ms id={}", request.getRemoteAddr(), request.getMethod(), path, status, bytes,
					millis, id);
	}

	/**
	 * Logs an async request once it completes, not when the first dispatch returns.
	 */
	private final class LogOnCompletion implements AsyncListener {

		private final HttpServletRequest request;

		private final ByteCountingResponse response;

		private final long started;

		private final String id;

		LogOnCompletion(HttpServletRequest request, ByteCountingResponse response, long started, String id) {
			this.request = request;
			this.response = response;
			this.started = started;
			this.id = id;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			this.response.finish();
			log(this.request, this.response.getStatus(), this.response.bytesWritten(), this.started, this.id);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			// A second async cycle (a handler going async after a body read ahead, or
			// after another async result): follow it to the request's end.
			event.getAsyncContext().addListener(this);
		}

	}

}
