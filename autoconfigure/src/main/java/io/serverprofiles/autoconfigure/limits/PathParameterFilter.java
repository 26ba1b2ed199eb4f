package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;
import java.util.Locale;

import io.serverprofiles.autoconfigure.prod.ErrorResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses with 400 a request whose raw path holds a {@code ;} parameter, as is or
 * percent-encoded, as Spring Security's {@code StrictHttpFirewall} does. Tomcat and Jetty
 * serve {@code /actuator;/prometheus} as {@code /actuator/prometheus}, so a rule that
 * matches the path in front of the app would not see what the app serves.
 */
final class PathParameterFilter extends HttpFilter {

	private final RefusalLog refusalLog;

	PathParameterFilter(RefusalLog refusalLog) {
		this.refusalLog = refusalLog;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String path = request.getRequestURI();
		if (hasPathParameter(path)) {
			this.refusalLog.refused(HttpServletResponse.SC_BAD_REQUEST, request.getMethod(), path,
					"path parameter (;) not allowed, see server-profiles.prod.limits.allow-path-parameters");
			ErrorResponse.send(response, HttpServletResponse.SC_BAD_REQUEST, path);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasPathParameter(String path) {
		return path.indexOf(';') >= 0 || path.toUpperCase(Locale.ROOT).contains("%3B");
	}

}
