package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.serverprofiles.autoconfigure.prod.ErrorResponse;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers TRACE with 405 and any method the application does not serve with 501 (RFC 9110
 * §9.1). Tomcat refuses TRACE itself before any filter and forwards to the error page, so
 * that error dispatch is answered here too.
 */
final class RequestMethodFilter extends HttpFilter {

	private static final String TRACE = "TRACE";

	private final Set<String> allowedMethods;

	private final String allowHeader;

	private final RefusalLog refusalLog;

	RequestMethodFilter(Set<String> allowedMethods, RefusalLog refusalLog) {
		this.refusalLog = refusalLog;
		// Methods are case-sensitive and registered upper case; "get" in a config file
		// means GET.
		List<String> methods = allowedMethods.stream().map((method) -> method.toUpperCase(Locale.ROOT)).toList();
		this.allowedMethods = Set.copyOf(methods);
		this.allowHeader = String.join(", ", methods);
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String method = request.getMethod();
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			// Error pages are dispatched as GET; the refused method is an attribute.
			Object refusedMethod = request.getAttribute(RequestDispatcher.ERROR_METHOD);
			Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
			if (TRACE.equals(refusedMethod)
					&& Integer.valueOf(HttpServletResponse.SC_METHOD_NOT_ALLOWED).equals(status)) {
				refuseTrace(response, (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
				return;
			}
			chain.doFilter(request, response);
		}
		else if (TRACE.equals(method)) {
			refuseTrace(response, request.getRequestURI());
		}
		else if (!this.allowedMethods.contains(method)) {
			this.refusalLog.refused(HttpServletResponse.SC_NOT_IMPLEMENTED, method, request.getRequestURI(),
					"method not in server-profiles.prod.limits.allowed-methods");
			ErrorResponse.send(response, HttpServletResponse.SC_NOT_IMPLEMENTED, request.getRequestURI());
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private void refuseTrace(HttpServletResponse response, String path) throws IOException {
		this.refusalLog.refused(HttpServletResponse.SC_METHOD_NOT_ALLOWED, TRACE, path, "TRACE is never served");
		response.setHeader("Allow", this.allowHeader);
		ErrorResponse.send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, path);
	}

}
