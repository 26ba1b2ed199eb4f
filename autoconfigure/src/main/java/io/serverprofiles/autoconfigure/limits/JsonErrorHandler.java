package io.serverprofiles.autoconfigure.limits;

import java.nio.charset.StandardCharsets;

import io.serverprofiles.autoconfigure.headers.SecurityHeaders;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's error handler for requests it refused before the application saw them (a
 * malformed request line, a bad URI, oversized headers): the short JSON body instead of
 * Jetty's HTML page, with the security headers the prod server's other answers carry.
 * Errors inside the application still go to Boot's error page.
 */
public class JsonErrorHandler extends ErrorHandler {

	private final RefusalLog refusalLog;

	private final @Nullable SecurityHeaders securityHeaders;

	JsonErrorHandler(RefusalLog refusalLog, @Nullable SecurityHeaders securityHeaders) {
		this.refusalLog = refusalLog;
		this.securityHeaders = securityHeaders;
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
		response.getHeaders().put(MimeTypes.Type.APPLICATION_JSON_UTF_8.getContentTypeField());
		if (this.securityHeaders != null) {
			HttpFields.Mutable headers = response.getHeaders();
			this.securityHeaders.addMissing(request.isSecure(), MimeTypes.Type.APPLICATION_JSON_UTF_8.asString(),
					refusal.status(), new SecurityHeaders.Target() {

						@Override
						public boolean contains(String name) {
							return headers.contains(name);
						}

						@Override
						public void set(String name, String value) {
							headers.put(name, value);
						}

					});
		}
		if (HttpMethod.HEAD.is(request.getMethod()) || HttpStatus.hasNoBody(refusal.status())) {
			callback.succeeded();
			return true;
		}
		response.write(true, StandardCharsets.UTF_8.encode(refusal.body()), callback);
		return true;
	}

}
