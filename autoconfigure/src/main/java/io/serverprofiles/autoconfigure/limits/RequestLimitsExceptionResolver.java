package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers bad input that Spring MVC detects with the short JSON body: 413 for an upload
 * over the multipart limits, or a chunked body over
 * {@code server-profiles.prod.max-request-size} read by a message converter (which would
 * otherwise become a 400); 408 for a body slower than the minimum rate; the
 * {@link ClientError}'s 4xx for a multipart body without a boundary or too many form
 * parameters (otherwise a 500 or an ERROR with a stack trace). Runs before Spring's own
 * resolvers, so it is logged once.
 */
final class RequestLimitsExceptionResolver implements HandlerExceptionResolver, Ordered {

	private final RefusedBody refusedBody;

	RequestLimitsExceptionResolver(RefusedBody refusedBody) {
		this.refusedBody = refusedBody;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		ClientError error = clientError(ex);
		if (error == null || response.isCommitted()) {
			return null;
		}
		try {
			this.refusedBody.refuse(request, response, error.status(), error.reason());
			return new ModelAndView();
		}
		catch (IOException writeFailed) {
			return null;
		}
	}

	private @Nullable ClientError clientError(Exception ex) {
		if (ex instanceof MaxUploadSizeExceededException) {
			return new ClientError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
					"upload larger than spring.servlet.multipart.max-file-size or max-request-size");
		}
		return ClientError.in(ex);
	}

	@Override
	public int getOrder() {
		// After Boot's DefaultErrorAttributes (which only records the exception), before
		// Spring MVC's own resolvers.
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
