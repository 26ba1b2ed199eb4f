package io.serverprofiles.autoconfigure.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.serverprofiles.autoconfigure.hosts.HostAllowList;
import io.serverprofiles.autoconfigure.proxy.ForwardedTrace;
import io.serverprofiles.autoconfigure.proxy.TrustedProxies;
import io.serverprofiles.autoconfigure.web.FilterOrder;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * The whoami trace: how this request was seen. It runs ahead of the trusted-proxy filter,
 * so it still has the forwarding headers, and works the trace out with the same rules
 * that filter applies. Any other path passes through untouched; so does the trace's path
 * without a valid token when one is required (it then gets the application's 404).
 */
class WhoamiFilter extends HttpFilter {

	/**
	 * The trace's path within the application.
	 */
	static final String PATH = "/_server-profiles/whoami";

	/**
	 * The filter registered at its place, ahead of the trusted-proxy filter.
	 * @param filter the filter
	 * @return its registration
	 */
	static FilterRegistrationBean<WhoamiFilter> registration(WhoamiFilter filter) {
		FilterRegistrationBean<WhoamiFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("whoamiFilter");
		registration.setOrder(FilterOrder.WHOAMI);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	private final TrustedProxies trustedProxies;

	private final HostAllowList allowedHosts;

	private final @Nullable String strictTransportSecurity;

	private final @Nullable WhoamiToken token;

	/**
	 * Create the filter.
	 * @param trustedProxies the proxies the server trusts
	 * @param allowedHosts the hosts the server answers
	 * @param strictTransportSecurity the HSTS value the server sends over HTTPS, or
	 * {@code null} when it sends none
	 * @param token the token a request must carry, or {@code null} to answer every
	 * request (the dev server, on loopback)
	 */
	WhoamiFilter(TrustedProxies trustedProxies, HostAllowList allowedHosts, @Nullable String strictTransportSecurity,
			@Nullable WhoamiToken token) {
		this.trustedProxies = trustedProxies;
		this.allowedHosts = allowedHosts;
		this.strictTransportSecurity = strictTransportSecurity;
		this.token = token;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!isTrace(request) || (this.token != null && !this.token.isValid(request.getHeader(WhoamiToken.HEADER)))) {
			chain.doFilter(request, response);
			return;
		}
		ForwardedTrace trace = ForwardedTrace.of(request, this.trustedProxies);
		byte[] body = JsonWriter.standard().writeToString(toMap(trace)).getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("application/json");
		response.setHeader("Cache-Control", "no-store");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static boolean isTrace(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) && request.getRequestURI().equals(request.getContextPath() + PATH);
	}

	private Map<String, @Nullable Object> toMap(ForwardedTrace trace) {
		Map<String, @Nullable Object> peer = new LinkedHashMap<>();
		peer.put("address", trace.peer());
		peer.put("trustedBy", trace.peerTrustedBy());
		Map<String, @Nullable Object> client = new LinkedHashMap<>();
		client.put("address", trace.clientAddress());
		client.put("scheme", trace.scheme());
		client.put("host", trace.host());
		client.put("port", trace.port());
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		map.put("peer", peer);
		map.put("hops", trace.hops());
		map.put("client", client);
		map.put("hsts", this.strictTransportSecurity != null && "https".equals(trace.scheme()));
		// The host the allow-list judges: the one the application is given.
		map.put("hostAllowed", this.allowedHosts.allows(trace.host()));
		return map;
	}

}
