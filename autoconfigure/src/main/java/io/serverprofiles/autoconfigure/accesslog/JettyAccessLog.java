package io.serverprofiles.autoconfigure.accesslog;

import java.util.Objects;

import io.serverprofiles.autoconfigure.web.AnsweredStatus;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;

/**
 * The access log as Jetty's request log, which Jetty writes once per request when the
 * response is complete, also for the requests it refuses before any filter, with the body
 * bytes it really sent.
 */
class JettyAccessLog implements RequestLog {

	private final AccessLogLine line;

	JettyAccessLog(AccessLogLine line) {
		this.line = line;
	}

	@Override
	public void log(Request request, Response response) {
		AccessLogFilter.Seen seen = AccessLogFilter.seen(request.getAttribute(AccessLogFilter.SEEN_ATTRIBUTE),
				request.getHeaders().get(RequestId.HEADER), Request.getRemoteAddr(request),
				request.getHttpURI().getScheme());
		this.line.log(seen, Objects.toString(request.getMethod(), "-"),
				Objects.toString(request.getHttpURI().getPath(), ""),
				AnsweredStatus.of(request.getAttribute(AnsweredStatus.ATTRIBUTE), response.getStatus()),
				bytes(response), NanoTime.since(request.getBeginNanoTime()));
	}

	/**
	 * The body bytes written. Jetty does not count the body of an answer to a request it
	 * could not parse; that answer is written at once, with its Content-Length.
	 */
	private static long bytes(Response response) {
		long written = Response.getContentBytesWritten(response);
		return (written > 0) ? written : Math.max(response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH), 0);
	}

}
