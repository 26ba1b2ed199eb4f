package io.serverprofiles.autoconfigure.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads IP address literals strictly and without DNS: a name is never looked up.
 * <ul>
 * <li>IPv4 is four decimal numbers, none with a leading zero: {@code 010.0.0.1} is
 * 8.0.0.1 to inet_aton and browsers and 10.0.0.1 to Java, so an entry that meant one
 * would match the other. Short ({@code 10.1}), hexadecimal and integer forms are refused
 * too.</li>
 * <li>IPv6 may be written in brackets, an embedded IPv4 part read as above; a zone id
 * ({@code %eth0}) is refused. An IPv4-mapped address ({@code ::ffff:10.0.0.1}) is the
 * IPv4 address it maps.</li>
 * <li>Brackets hold IPv6 only ({@code [10.0.0.1]} is refused, as RFC 3986 says).</li>
 * </ul>
 */
public final class IpLiteral {

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private IpLiteral() {
	}

	/**
	 * The address a literal stands for.
	 * @param text the literal, without surrounding space
	 * @return the address, or {@code null} when the text is not an IP literal
	 */
	public static @Nullable InetAddress parse(String text) {
		if (text.startsWith("[")) {
			return text.endsWith("]") ? ipv6(text.substring(1, text.length() - 1)) : null;
		}
		byte[] ipv4 = ipv4(text);
		return (ipv4 != null) ? byAddress(ipv4) : ipv6(text);
	}

	private static @Nullable InetAddress ipv6(String text) {
		if (!IPV6.matcher(text).matches()) {
			return null;
		}
		if (text.indexOf('.') >= 0 && ipv4(text.substring(text.lastIndexOf(':') + 1)) == null) {
			return null;
		}
		try {
			// Brackets make the JDK parse the literal or fail; it never resolves it.
			return InetAddress.getByName("[" + text + "]");
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	/**
	 * Dotted IPv4, read by hand without a matcher: the trusted proxies read one on every
	 * request.
	 */
	private static byte @Nullable [] ipv4(String text) {
		byte[] bytes = new byte[4];
		int part = 0;
		int value = 0;
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean leadingZero = digits == 1 && value == 0;
			if (c >= '0' && c <= '9' && digits < 3 && !leadingZero) {
				value = value * 10 + (c - '0');
				digits++;
			}
			else if (c == '.' && digits > 0 && part < 3 && value <= 255) {
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

	static InetAddress byAddress(byte[] bytes) {
		try {
			return InetAddress.getByAddress(bytes);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("An IP address has 4 or 16 bytes, not " + bytes.length, ex);
		}
	}

}
