package io.serverprofiles.autoconfigure.limits;

import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler for requests it refused before the application saw them (a
 * malformed request line, a bad URI, oversized headers): the short JSON body instead of
 * Jetty's HTML page. Errors inside the application still go to Boot's error page.
 */
public class JsonErrorHandler extends ErrorHandler {

	private final RefusalLog refusalLog;

	JsonErrorHandler(RefusalLog refusalLog) {
		this.refusalLog = refusalLog;
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) {
		int status = response.getStatus();
		if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException httpException) {
			status = httpException.getCode();
		}
		ContainerRefusal refusal = ContainerRefusal.of(status, request.getHttpURI().getPath());
		refusal.log(this.refusalLog, request.getMethod());
		response.setStatus(refusal.status());
		response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
		if (HttpMethod.HEAD.is(request.getMethod()) || HttpStatus.hasNoBody(refusal.status())) {
			callback.succeeded();
			return true;
		}
		response.getHeaders().put(MimeTypes.Type.APPLICATION_JSON_UTF_8.getContentTypeField());
		response.write(true, StandardCharsets.UTF_8.encode(refusal.body()), callback);
		return true;
	}

}
