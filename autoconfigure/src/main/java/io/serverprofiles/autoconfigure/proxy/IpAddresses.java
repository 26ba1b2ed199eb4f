package io.serverprofiles.autoconfigure.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Parses IP literals only, never names: a forwarded header must not trigger a DNS lookup.
 * IPv4, the common case on every request, is parsed by hand without allocating a matcher.
 */
final class IpAddresses {

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
		try {
			byte[] ipv4 = ipv4(text);
			if (ipv4 != null) {
				return InetAddress.getByAddress(ipv4);
			}
			return IPV6.matcher(text).matches() ? InetAddress.getByName(text) : null;
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static byte[] ipv4(String text) {
		byte[] bytes = new byte[4];
		int part = 0;
		int value = 0;
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9' && digits < 3) {
				value = value * 10 + (c - '0');
				digits++;
			}
			else if (c == '.' && digits > 0 && part < 3) {
				if (value > 255) {
					return null;
				}
				bytes[part++] = (byte) value;
				value = 0;
				digits = 0;
			}
			else {
				return null;
			}
		}
		if (part != 3 || digits == 0 || value > 255) {
			return null;
		}
		bytes[3] = (byte) value;
		return bytes;
	}

}
