package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import io.serverprofiles.autoconfigure.headers.SecurityHeaders;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;

/**
 * Tomcat's error report for requests it refused before the application saw them (a
 * malformed request line, a bad URI, oversized headers): the short JSON body instead of
 * Tomcat's HTML page, with the security headers the prod server's other answers carry.
 * Errors inside the application still go to Boot's error page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	/**
	 * Message of the exception Tomcat's parser throws when the request line and headers
	 * overflow the header buffer, in the same locale Tomcat uses for it.
	 */
	private static final String HEADER_TOO_LARGE = StringManager.getManager(Http11InputBuffer.class)
		.getString("iib.requestheadertoolarge.error");

	private final RefusalLog refusalLog;

	private final @Nullable SecurityHeaders securityHeaders;

	JsonErrorReportValve(RefusalLog refusalLog, @Nullable SecurityHeaders securityHeaders) {
		this.refusalLog = refusalLog;
		this.securityHeaders = securityHeaders;
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ContainerRefusal refusal = ContainerRefusal.of(status(response.getStatus(), request, throwable),
				request.getRequestURI());
		refusal.log(this.refusalLog, request.getMethod());
		try {
			response.setStatus(refusal.status());
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			response.setHeader("Cache-Control", "no-store");
			if (this.securityHeaders != null) {
				this.securityHeaders.addMissing(request.isSecure(), response.getContentType(), refusal.status(),
						SecurityHeaders.Target.of(response));
			}
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(refusal.body());
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone; nothing to answer.
		}
	}

	private int status(int status, Request request, @Nullable Throwable throwable) {
		if (status == 400 && throwable != null && HEADER_TOO_LARGE.equals(throwable.getMessage())) {
			return request.getCoyoteRequest().requestURI().isNull() ? 414 : 431;
		}
		return status;
	}

}
