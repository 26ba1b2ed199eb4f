package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a body that passed its limit inside Spring MVC with the short 413 body: an
 * upload over the multipart limits, or a chunked body over
 * {@code server-profiles.prod.max-request-size} read by a message converter (which would
 * otherwise become a 400). Runs before Spring's own resolvers, so it is logged once.
 */
final class RequestLimitsExceptionResolver implements HandlerExceptionResolver, Ordered {

	private final RefusedBody refusedBody;

	RequestLimitsExceptionResolver(RefusedBody refusedBody) {
		this.refusedBody = refusedBody;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		String reason = reason(ex);
		if (reason == null || response.isCommitted()) {
			return null;
		}
		try {
			this.refusedBody.refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, reason);
			return new ModelAndView();
		}
		catch (IOException writeFailed) {
			return null;
		}
	}

	private String reason(Exception ex) {
		if (ex instanceof MaxUploadSizeExceededException) {
			return "upload larger than spring.servlet.multipart.max-file-size or max-request-size";
		}
		RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.findIn(ex);
		return (tooLarge != null) ? tooLarge.getMessage() : null;
	}

	@Override
	public int getOrder() {
		// After Boot's DefaultErrorAttributes (which only records the exception), before
		// Spring MVC's own resolvers.
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
