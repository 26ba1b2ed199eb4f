package io.serverprofiles.autoconfigure.proxy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Parses RFC 7239 {@code Forwarded} elements, e.g.
 * {@code for="[2001:db8::1]:4711";proto=https;host=example.com, for=10.0.0.2}.
 */
final class RfcForwarded {

	private RfcForwarded() {
	}

	/**
	 * Parse the comma-separated elements (already split by comma) into hops.
	 * @param elements one string per element
	 * @return the hops, client side first
	 */
	static List<Hop> parse(List<String> elements) {
		List<Hop> hops = new ArrayList<>(elements.size());
		for (String element : elements) {
			Map<String, String> pairs = pairs(element);
			hops.add(Hop.of(address(pairs.get("for")), pairs.get("proto"), pairs.get("host"), null));
		}
		return hops;
	}

	private static Map<String, String> pairs(String element) {
		Map<String, String> pairs = new HashMap<>();
		for (String pair : element.split(";")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				String value = pair.substring(equals + 1).trim();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				pairs.put(pair.substring(0, equals).trim().toLowerCase(Locale.ROOT), value);
			}
		}
		return pairs;
	}

	/**
	 * The node's address without its port: {@code [2001:db8::1]:4711} gives
	 * {@code 2001:db8::1}, {@code 192.0.2.1:80} gives {@code 192.0.2.1}.
	 */
	private static @Nullable String address(@Nullable String node) {
		if (node == null) {
			return null;
		}
		if (node.startsWith("[")) {
			int close = node.indexOf(']');
			return (close > 0) ? node.substring(1, close) : node;
		}
		int colon = node.indexOf(':');
		return (colon > 0 && node.indexOf(':', colon + 1) < 0) ? node.substring(0, colon) : node;
	}

}
