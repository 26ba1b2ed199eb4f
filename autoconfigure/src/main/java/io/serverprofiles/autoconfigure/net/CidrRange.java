package io.serverprofiles.autoconfigure.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * A CIDR range such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a range
 * of one. Addresses are read by {@link IpLiteral}. A range written in IPv4-mapped form
 * ({@code ::ffff:10.0.0.0/104}) is the IPv4 range it maps ({@code 10.0.0.0/8}).
 */
public final class CidrRange {

	private static final int MAPPED_PREFIX = 96;

	private static final Pattern LEADING_ZERO = Pattern.compile("(^|[.:])0[0-9]");

	private final byte[] network;

	private final int prefix;

	private CidrRange(byte[] network, int prefix) {
		this.network = network;
		this.prefix = prefix;
	}

	/**
	 * Read a range; spaces around the address and the prefix are allowed.
	 * @param cidr the range, such as {@code 10.0.0.0/8}, {@code [::1]/128} or
	 * {@code 127.0.0.1}
	 * @return the range
	 * @throws IllegalArgumentException naming the range when it is not one
	 */
	public static CidrRange parse(String cidr) {
		String[] parts = cidr.trim().split("/", 2);
		String literal = parts[0].trim();
		InetAddress address = IpLiteral.parse(literal);
		if (address == null) {
			throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range"
					+ (LEADING_ZERO.matcher(literal).find() && literal.contains(".")
							? " (a number with a leading zero, such as 010, is octal to some parsers and decimal to "
									+ "others: write it without)"
							: ""));
		}
		byte[] bytes = address.getAddress();
		int offset = (address instanceof Inet4Address && literal.contains(":")) ? MAPPED_PREFIX : 0;
		int bits = offset + bytes.length * 8;
		int prefix = (parts.length == 2) ? prefix(parts[1].trim()) : bits;
		if (prefix < offset || prefix > bits) {
			throw new IllegalArgumentException("'" + cidr + "' has a prefix outside " + offset + "-" + bits);
		}
		CidrRange range = new CidrRange(bytes, prefix - offset);
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] &= (byte) range.mask(i);
		}
		return range;
	}

	private static int prefix(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * Whether the address lies in the range. Compares the prefix bits in place, without
	 * allocating: the trusted proxies ask on every request.
	 * @param address the address as {@link InetAddress#getAddress()} gives it
	 * @return whether it is in the range; never for an address of the other family
	 */
	public boolean contains(byte[] address) {
		if (address.length != this.network.length) {
			return false;
		}
		for (int i = 0; i < address.length; i++) {
			int mask = mask(i);
			if (mask == 0) {
				return true;
			}
			if ((address[i] & mask) != (this.network[i] & 0xFF)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The bits of byte {@code i} that the prefix covers.
	 */
	private int mask(int i) {
		int covered = Math.max(0, Math.min(8, this.prefix - i * 8));
		return (0xFF << (8 - covered)) & 0xFF;
	}

	/**
	 * How many leading bits the addresses of the range share.
	 * @return the prefix length, counted in IPv4 bits for an IPv4 range
	 */
	public int prefix() {
		return this.prefix;
	}

	/**
	 * Whether the range holds IPv4 addresses.
	 * @return whether it is an IPv4 range
	 */
	public boolean isIpv4() {
		return this.network.length == 4;
	}

	/**
	 * The address {@code index} places after the first one of the range.
	 * @param index 0 for the network address, 1 for the next, ...
	 * @return the address
	 * @throws IllegalArgumentException when the range has no such address
	 */
	public InetAddress address(int index) {
		byte[] bytes = this.network.clone();
		long carry = index;
		for (int i = bytes.length - 1; i >= 0 && carry > 0; i--) {
			long sum = (bytes[i] & 0xFF) + carry;
			bytes[i] = (byte) sum;
			carry = sum >>> 8;
		}
		if (index < 0 || carry > 0 || !contains(bytes)) {
			throw new IllegalArgumentException("A /" + this.prefix + " range has no address number " + index);
		}
		return IpLiteral.byAddress(bytes);
	}

	/**
	 * The range as CIDR notation, e.g. {@code 10.0.0.0/8}.
	 * @return the notation
	 */
	@Override
	public String toString() {
		return IpLiteral.byAddress(this.network.clone()).getHostAddress() + "/" + this.prefix;
	}

}
