package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Receives a request body in full before its handler runs, without holding a request
 * thread while the body arrives, as nginx does in front of an upstream: a client sending
 * its body slowly holds a connection, not one of the server's threads. The body is read
 * asynchronously into memory; once complete, the request is dispatched again (as after an
 * async handler) and the handler reads it from memory.
 * <p>
 * Only bodies that the application reads itself: forms and multipart uploads are parsed
 * by the container from its own stream, so they are read as their handler runs. Bodies in
 * memory share one budget, counted as they arrive: a body that finds it full is answered
 * 503, so that a flood of large bodies sheds load instead of exhausting the heap, while
 * slow bodies, which hold little, cost nothing.
 */
final class BodyReadAheadInterceptor implements HandlerInterceptor {

	private final ReadAheadBudget budget;

	private final BodyRate rate;

	private final RefusalLog refusalLog;

	BodyReadAheadInterceptor(ReadAheadBudget budget, BodyRate rate, RefusalLog refusalLog) {
		this.budget = budget;
		this.rate = rate;
		this.refusalLog = refusalLog;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (request.getDispatcherType() != DispatcherType.REQUEST || !request.isAsyncSupported()) {
			// The body of an async dispatch is the read-ahead one, or was read by then.
			return true;
		}
		long length = request.getContentLengthLong();
		if (!hasBody(request, length) || isParsedByTheContainer(request) || this.budget.isOff()) {
			return true;
		}
		BufferedBodyRequest buffered = new BufferedBodyRequest(request);
		AsyncContext async = request.startAsync(buffered, response);
		BodyReader reader = new BodyReader(request, response, async, buffered,
				new BodyReader.Limits(length, this.budget, this.rate, this.refusalLog));
		async.addListener(reader);
		// A body that stops arriving is ended by the connection's read timeout; one of a
		// declared length, also by when it must be complete at the slowest rate.
		async.setTimeout((length > 0) ? this.rate.deadline(length).toMillis() : 0);
		request.getInputStream().setReadListener(reader);
		return false;
	}

	private static boolean hasBody(HttpServletRequest request, long length) {
		return length > 0 || (length < 0 && RequestBodyLimitFilter.hasBodyOfUnknownLength(request));
	}

	private static boolean isParsedByTheContainer(HttpServletRequest request) {
		return RequestBodyLimitFilter.hasContentType(request, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				|| RequestBodyLimitFilter.hasContentType(request, "multipart/");
	}

}
