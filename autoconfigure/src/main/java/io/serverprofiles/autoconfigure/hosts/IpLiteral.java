package io.serverprofiles.autoconfigure.hosts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads IP address literals, dotted IPv4 and IPv6 with or without brackets, without ever
 * asking DNS: a host name is never looked up.
 */
final class IpLiteral {

	private static final String OCTET = "(0|[1-9][0-9]{0,2})";

	// No leading zeros: 010 is 8 to some parsers and 10 to others.
	private static final Pattern IPV4 = Pattern.compile(OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET);

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private IpLiteral() {
	}

	/**
	 * The address a literal stands for.
	 * @param text a host as written in a Host header or a configuration entry
	 * @return the address, or {@code null} when the text is not an IP literal
	 */
	static InetAddress parse(String text) {
		String bare = (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1) : text;
		Matcher ipv4 = IPV4.matcher(bare);
		if (ipv4.matches()) {
			return ipv4(ipv4);
		}
		if (IPV6.matcher(bare).matches()) {
			try {
				// Brackets make the JDK parse the literal or fail; it never resolves it.
				return InetAddress.getByName("[" + bare + "]");
			}
			catch (UnknownHostException ex) {
				return null;
			}
		}
		return null;
	}

	private static InetAddress ipv4(Matcher matcher) {
		byte[] bytes = new byte[4];
		for (int i = 0; i < 4; i++) {
			int octet = Integer.parseInt(matcher.group(i + 1));
			if (octet > 255) {
				return null;
			}
			bytes[i] = (byte) octet;
		}
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
