package io.serverprofiles.autoconfigure.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.serverprofiles.autoconfigure.net.CidrRange;
import org.jspecify.annotations.Nullable;

/**
 * How the trusted-proxy rules saw one request: the TCP peer, each forwarding hop and the
 * range that trusts it (or none), and the client, scheme, host and port the application
 * is given. Worked out by the same code as {@link TrustedProxiesFilter}, so the trace
 * cannot disagree with what the application sees.
 *
 * @param peer the address of the TCP peer
 * @param peerTrustedBy the range that trusts the peer, or {@code null}
 * @param hops the hops the forwarding headers describe, client first
 * @param clientAddress the client address the application is given
 * @param scheme the scheme the application is given
 * @param host the host the application is given
 * @param port the port the application is given
 */
public record ForwardedTrace(String peer, @Nullable String peerTrustedBy, List<Map<String, @Nullable Object>> hops,
		String clientAddress, String scheme, String host, int port) {

	/**
	 * Trace a request as the container received it, before {@link TrustedProxiesFilter}.
	 * @param request the request
	 * @param trustedProxies the trusted proxies
	 * @return the trace
	 */
	public static ForwardedTrace of(HttpServletRequest request, TrustedProxies trustedProxies) {
		List<Map<String, @Nullable Object>> hops = new ArrayList<>();
		for (Hop hop : ForwardedHeaders.hops(request)) {
			Map<String, @Nullable Object> entry = new LinkedHashMap<>();
			entry.put("for", hop.forAddress());
			entry.put("proto", hop.proto());
			entry.put("host", hop.host());
			entry.put("port", hop.port());
			entry.put("trustedBy", rangeText(trustedProxies.trustingRange(hop.forAddress())));
			hops.add(entry);
		}
		HttpServletRequest seen = ForwardedHeaders.arePresent(request)
				? new ForwardedRequest(request, ForwardedHeaders.resolve(request, trustedProxies)) : request;
		return new ForwardedTrace(request.getRemoteAddr(),
				rangeText(trustedProxies.trustingRange(request.getRemoteAddr())), hops, seen.getRemoteAddr(),
				seen.getScheme(), seen.getServerName(), seen.getServerPort());
	}

	private static @Nullable String rangeText(@Nullable CidrRange range) {
		return (range != null) ? range.toString() : null;
	}

}
