package io.serverprofiles.autoconfigure.proxy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The CIDR ranges whose forwarded headers are believed. IPv4 and IPv6; a bare address is
 * a range of one.
 */
public final class TrustedProxies {

	private final List<Range> ranges;

	private TrustedProxies(List<Range> ranges) {
		this.ranges = ranges;
	}

	/**
	 * Parse CIDR notations such as {@code 10.0.0.0/8}, {@code fc00::/7} or
	 * {@code 127.0.0.1}.
	 * @param cidrs the ranges
	 * @return the trusted proxies
	 * @throws IllegalArgumentException naming the first entry that is not a CIDR range
	 */
	public static TrustedProxies of(List<String> cidrs) {
		List<Range> ranges = new ArrayList<>();
		for (String cidr : cidrs) {
			ranges.add(Range.parse(cidr));
		}
		return new TrustedProxies(List.copyOf(ranges));
	}

	/**
	 * Whether the address, an IP literal, lies in a trusted range. Anything else (a name,
	 * "unknown", an obfuscated identifier) is untrusted.
	 * @param address the address
	 * @return whether it is a trusted proxy
	 */
	public boolean isTrusted(String address) {
		InetAddress parsed = (address != null) ? IpAddresses.parse(address) : null;
		if (parsed == null) {
			return false;
		}
		byte[] bytes = parsed.getAddress();
		for (Range range : this.ranges) {
			if (range.contains(bytes)) {
				return true;
			}
		}
		return false;
	}

	private record Range(byte[] network, int prefix) {

		static Range parse(String cidr) {
			String[] parts = cidr.trim().split("/", 2);
			InetAddress address = IpAddresses.parse(parts[0]);
			if (address == null) {
				throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range");
			}
			int bits = address.getAddress().length * 8;
			int prefix = bits;
			if (parts.length == 2) {
				try {
					prefix = Integer.parseInt(parts[1].trim());
				}
				catch (NumberFormatException ex) {
					prefix = -1;
				}
				if (prefix < 0 || prefix > bits) {
					throw new IllegalArgumentException("'" + cidr + "' has a prefix outside 0-" + bits);
				}
			}
			return new Range(address.getAddress(), prefix);
		}

		/**
		 * Compares the prefix bits in place: this runs on every request, so no
		 * allocation.
		 */
		boolean contains(byte[] bytes) {
			if (bytes.length != this.network.length) {
				return false;
			}
			int whole = this.prefix / 8;
			for (int i = 0; i < whole; i++) {
				if (bytes[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (bytes[whole] & mask) == (this.network[whole] & mask);
		}

	}

}
