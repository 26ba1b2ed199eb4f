package io.serverprofiles.autoconfigure.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses IP literals only, never names: a forwarded header must not trigger a DNS lookup.
 */
final class IpAddresses {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private IpAddresses() {
	}

	/**
	 * Parse an IPv4 or IPv6 literal ({@code [::1]} brackets allowed).
	 * @param literal the text
	 * @return the address, or {@code null} when the text is not an IP literal
	 */
	static InetAddress parse(String literal) {
		String text = literal.trim();
		if (text.startsWith("[") && text.endsWith("]")) {
			text = text.substring(1, text.length() - 1);
		}
		if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
			return null;
		}
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
