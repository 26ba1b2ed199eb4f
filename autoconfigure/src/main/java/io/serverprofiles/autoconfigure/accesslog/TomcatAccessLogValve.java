package io.serverprofiles.autoconfigure.accesslog;

import java.io.IOException;
import java.util.Objects;

import io.serverprofiles.autoconfigure.web.AnsweredStatus;
import jakarta.servlet.ServletException;
import org.apache.catalina.AccessLog;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * The access log on Tomcat's engine, which Tomcat asks once per request when the response
 * is complete, also for the requests it refuses before any filter (a malformed request
 * line, oversized headers), with the body bytes written (before any transfer encoding).
 */
class TomcatAccessLogValve extends ValveBase implements AccessLog {

	private final AccessLogLine line;

	TomcatAccessLogValve(AccessLogLine line) {
		super(true);
		this.line = line;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		getNext().invoke(request, response);
	}

	@Override
	public void log(Request request, Response response, long time) {
		AccessLogFilter.Seen seen = AccessLogFilter.seen(request.getAttribute(AccessLogFilter.SEEN_ATTRIBUTE),
				request.getHeader(RequestId.HEADER), request.getRemoteAddr(), request.getScheme());
		long nanos = System.nanoTime() - request.getCoyoteRequest().getStartTimeNanos();
		this.line.log(seen, Objects.toString(request.getMethod(), "-"), Objects.toString(request.getRequestURI(), ""),
				AnsweredStatus.of(request.getAttribute(AnsweredStatus.ATTRIBUTE), response.getStatus()),
				response.getContentWritten(), nanos);
	}

	@Override
	public void setRequestAttributesEnabled(boolean requestAttributesEnabled) {
	}

	@Override
	public boolean getRequestAttributesEnabled() {
		return false;
	}

}
