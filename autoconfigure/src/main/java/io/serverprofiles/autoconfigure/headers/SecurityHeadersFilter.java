package io.serverprofiles.autoconfigure.headers;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Adds the security headers a response lacks just before it commits, so that streamed
 * responses and errors carry them too, and again when the container renders an error
 * page.
 */
public class SecurityHeadersFilter extends HttpFilter {

	private final SecurityHeaders headers;

	public SecurityHeadersFilter(SecurityHeaders headers) {
		this.headers = headers;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BeforeCommitResponse beforeCommit = new BeforeCommitResponse(response,
				(status) -> this.headers.addMissing(request, response, status));
		try {
			chain.doFilter(request, beforeCommit);
		}
		finally {
			if (!response.isCommitted()) {
				this.headers.addMissing(request, response, response.getStatus());
			}
		}
	}

}
