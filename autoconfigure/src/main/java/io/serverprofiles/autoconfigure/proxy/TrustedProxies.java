package io.serverprofiles.autoconfigure.proxy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import io.serverprofiles.autoconfigure.net.CidrRange;
import io.serverprofiles.autoconfigure.net.IpLiteral;
import org.jspecify.annotations.Nullable;

/**
 * The CIDR ranges whose forwarded headers are believed. IPv4 and IPv6; a bare address is
 * a range of one.
 */
public final class TrustedProxies {

	private final List<CidrRange> ranges;

	private TrustedProxies(List<CidrRange> ranges) {
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
		List<CidrRange> ranges = new ArrayList<>();
		for (String cidr : cidrs) {
			ranges.add(CidrRange.parse(cidr));
		}
		return new TrustedProxies(List.copyOf(ranges));
	}

	/**
	 * Whether the address, an IP literal, lies in a trusted range. Anything else (a name,
	 * "unknown", an obfuscated identifier) is untrusted.
	 * @param address the address
	 * @return whether it is a trusted proxy
	 */
	public boolean isTrusted(@Nullable String address) {
		return trustingRange(address) != null;
	}

	/**
	 * The range that trusts the address, for a trace that says why a hop was believed.
	 * @param address the address, an IP literal
	 * @return the first range that contains it, or {@code null} when none does (or it is
	 * not an IP literal)
	 */
	public @Nullable CidrRange trustingRange(@Nullable String address) {
		InetAddress parsed = (address != null) ? IpLiteral.parse(address.trim()) : null;
		if (parsed == null) {
			return null;
		}
		byte[] bytes = parsed.getAddress();
		for (CidrRange range : this.ranges) {
			if (range.contains(bytes)) {
				return range;
			}
		}
		return null;
	}

}
