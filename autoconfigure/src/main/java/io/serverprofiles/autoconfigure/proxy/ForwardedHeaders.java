package io.serverprofiles.autoconfigure.proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads the hop that describes the real client: RFC 7239 {@code Forwarded} when present,
 * otherwise {@code X-Forwarded-*}. The chain is walked right to left, skipping trusted
 * proxies, so entries a client wrote itself are never believed.
 */
final class ForwardedHeaders {

	/**
	 * Header names (lower case) that carry forwarding information.
	 */
	static final Set<String> NAMES = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
			"x-forwarded-port", "x-forwarded-prefix", "x-forwarded-ssl");

	private ForwardedHeaders() {
	}

	/**
	 * The hop to believe, or {@code null} when the direct peer is not trusted or sent
	 * nothing.
	 * @param request the request as the container received it
	 * @param trusted the trusted proxies
	 * @return the client's hop
	 */
	static @Nullable Hop resolve(HttpServletRequest request, TrustedProxies trusted) {
		if (!trusted.isTrusted(request.getRemoteAddr())) {
			return null;
		}
		List<Hop> hops = hops(request);
		for (int i = hops.size() - 1; i > 0; i--) {
			if (!trusted.isTrusted(hops.get(i).forAddress())) {
				return hops.get(i);
			}
		}
		return hops.isEmpty() ? null : hops.get(0);
	}

	/**
	 * Every hop the request's headers describe, client first: {@code Forwarded} when
	 * present, otherwise {@code X-Forwarded-*}.
	 * @param request the request as the container received it
	 * @return the hops, empty when there is no forwarding header
	 */
	static List<Hop> hops(HttpServletRequest request) {
		return (request.getHeader("Forwarded") != null) ? RfcForwarded.parse(values(request, "Forwarded"))
				: xForwarded(request);
	}

	private static List<Hop> xForwarded(HttpServletRequest request) {
		if (request.getHeader("X-Forwarded-For") == null && request.getHeader("X-Forwarded-Proto") == null
				&& request.getHeader("X-Forwarded-Host") == null && request.getHeader("X-Forwarded-Port") == null) {
			return List.of();
		}
		List<String> addresses = values(request, "X-Forwarded-For");
		List<String> protos = values(request, "X-Forwarded-Proto");
		List<String> hosts = values(request, "X-Forwarded-Host");
		List<String> ports = values(request, "X-Forwarded-Port");
		if (addresses.isEmpty() && protos.isEmpty() && hosts.isEmpty() && ports.isEmpty()) {
			return List.of();
		}
		if (addresses.isEmpty()) {
			addresses = Collections.singletonList(null);
		}
		List<Hop> hops = new ArrayList<>(addresses.size());
		for (int i = 0; i < addresses.size(); i++) {
			hops.add(Hop.of(addresses.get(i), aligned(protos, i, addresses.size()), aligned(hosts, i, addresses.size()),
					aligned(ports, i, addresses.size())));
		}
		return hops;
	}

	/**
	 * The value for hop {@code i} when each proxy appended one; otherwise the last value,
	 * which the nearest (trusted) proxy wrote.
	 */
	private static @Nullable String aligned(List<String> values, int i, int hops) {
		if (values.isEmpty()) {
			return null;
		}
		return (values.size() == hops) ? values.get(i) : values.get(values.size() - 1);
	}

	static List<String> values(HttpServletRequest request, String name) {
		List<String> values = new ArrayList<>(2);
		Enumeration<String> headers = request.getHeaders(name);
		while (headers.hasMoreElements()) {
			String header = headers.nextElement();
			int start = 0;
			while (start <= header.length()) {
				int comma = header.indexOf(',', start);
				int end = (comma >= 0) ? comma : header.length();
				String value = header.substring(start, end).trim();
				if (!value.isEmpty()) {
					values.add(value);
				}
				start = end + 1;
			}
		}
		return values;
	}

	/**
	 * Whether the request carries any forwarding header.
	 * @param request the request as the container received it
	 * @return whether a header to apply or hide is present
	 */
	static boolean arePresent(HttpServletRequest request) {
		for (String name : NAMES) {
			if (request.getHeader(name) != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a header carries forwarding information, without allocating: it runs on
	 * every header the application reads from a forwarded request.
	 * @param name the header name, in any case
	 * @return whether it is a forwarding header
	 */
	static boolean isForwardingHeader(@Nullable String name) {
		if (name == null || name.isEmpty()) {
			return false;
		}
		char first = Character.toLowerCase(name.charAt(0));
		if (first != 'f' && first != 'x') {
			return false;
		}
		for (String forwarding : NAMES) {
			if (forwarding.equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

}
