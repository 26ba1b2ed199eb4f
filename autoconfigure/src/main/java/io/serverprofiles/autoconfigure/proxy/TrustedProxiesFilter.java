package io.serverprofiles.autoconfigure.proxy;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies forwarded headers when the direct peer is a trusted proxy and hides them from
 * the application otherwise. It replaces the containers' own forwarded support (Jetty's
 * trusts every peer), so the same rules hold on Tomcat and Jetty.
 */
public class TrustedProxiesFilter extends HttpFilter {

	private final TrustedProxies trustedProxies;

	public TrustedProxiesFilter(TrustedProxies trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!ForwardedHeaders.arePresent(request)) {
			// Nothing to apply or to hide: the request passes unwrapped, which keeps the
			// calls the application makes on it cheap.
			chain.doFilter(request, response);
			return;
		}
		ForwardedRequest forwarded = new ForwardedRequest(request,
				ForwardedHeaders.resolve(request, this.trustedProxies));
		HttpServletResponse target = forwarded.isForwarded() ? new ForwardedRedirectResponse(response, forwarded)
				: response;
		chain.doFilter(forwarded, target);
	}

}
