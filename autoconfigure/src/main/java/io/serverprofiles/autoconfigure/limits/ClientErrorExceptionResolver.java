package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.WebUtils;

/**
 * Answers a {@link ClientError} with its 4xx through Boot's error page, in every mode,
 * instead of Tomcat's 500 and ERROR with a stack trace. Jetty's own exceptions are left
 * to Jetty, which answers them so already (and fails to render the error page of a broken
 * multipart body after {@code sendError}). The prod server's
 * {@link RequestLimitsExceptionResolver} runs first and answers with the short JSON body.
 */
final class ClientErrorExceptionResolver implements HandlerExceptionResolver, Ordered {

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		ClientError error = ClientError.in(ex);
		if (error == null || ClientError.answeredByContainer(ex) || response.isCommitted()) {
			return null;
		}
		try {
			// As the container would for a thrown exception: Spring MVC then does not
			// parse a broken multipart body again while it renders the error page.
			request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, ex);
			response.sendError(error.status());
			return new ModelAndView();
		}
		catch (IOException sendFailed) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		// After RequestLimitsExceptionResolver, before Spring MVC's own resolvers.
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

}
