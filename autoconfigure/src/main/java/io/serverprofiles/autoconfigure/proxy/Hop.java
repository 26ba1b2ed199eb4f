package io.serverprofiles.autoconfigure.proxy;

import org.jspecify.annotations.Nullable;

/**
 * What one proxy said about the connection it received: the client address, the scheme,
 * the host and the port. Any part may be unknown ({@code null}).
 *
 * @param forAddress the address the proxy received the request from
 * @param proto the scheme the proxy received the request with
 * @param host the Host the proxy received, without a port
 * @param port the port the proxy received the request on
 */
record Hop(@Nullable String forAddress, @Nullable String proto, @Nullable String host, @Nullable Integer port) {

	static Hop of(@Nullable String forAddress, @Nullable String proto, @Nullable String hostAndPort,
			@Nullable String port) {
		String host = hostAndPort;
		Integer parsedPort = parsePort(port);
		if (hostAndPort != null) {
			int colon = hostAndPort.lastIndexOf(':');
			boolean bracketed = hostAndPort.startsWith("[");
			if (colon > 0 && (!bracketed || hostAndPort.lastIndexOf(']') < colon)) {
				host = hostAndPort.substring(0, colon);
				parsedPort = (parsedPort != null) ? parsedPort : parsePort(hostAndPort.substring(colon + 1));
			}
		}
		return new Hop(blankToNull(forAddress), normalizeProto(proto), blankToNull(host), parsedPort);
	}

	/**
	 * The port the client used: given, or the scheme's default.
	 * @param fallback the port when nothing says otherwise
	 * @return the port
	 */
	int portOr(int fallback) {
		if (this.port != null) {
			return this.port;
		}
		if (this.proto != null) {
			return "https".equals(this.proto) ? 443 : 80;
		}
		return fallback;
	}

	private static @Nullable String normalizeProto(@Nullable String proto) {
		String value = blankToNull(proto);
		return (value != null && (value.equalsIgnoreCase("https") || value.equalsIgnoreCase("http")))
				? value.toLowerCase(java.util.Locale.ROOT) : null;
	}

	private static @Nullable Integer parsePort(@Nullable String port) {
		String value = blankToNull(port);
		if (value == null || value.length() > 5) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				return null;
			}
		}
		int parsed = Integer.parseInt(value);
		return (parsed > 0 && parsed < 65536) ? parsed : null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
