package io.serverprofiles.autoconfigure.net;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Spellings of IP addresses: one table that the parser, the Host allow-list and the
 * trusted proxies are all tested against, so that no two of them read an address
 * differently.
 */
public final class IpSpellings {

	/**
	 * Method source of the spellings that are addresses, each with the address it means
	 * as {@link java.net.InetAddress#getHostAddress()} writes it.
	 */
	public static final String ADDRESSES = "io.serverprofiles.autoconfigure.net.IpSpellings#addresses";

	/**
	 * Method source of the spellings that are refused as addresses.
	 */
	public static final String REFUSED = "io.serverprofiles.autoconfigure.net.IpSpellings#refused";

	private IpSpellings() {
	}

	static Stream<Arguments> addresses() {
		return Stream.of(
				// IPv4: four decimal numbers.
				Arguments.of("10.0.0.1", "10.0.0.1"), Arguments.of("0.0.0.0", "0.0.0.0"),
				Arguments.of("255.255.255.255", "255.255.255.255"),
				// IPv6 by value, with or without brackets.
				Arguments.of("::1", "0:0:0:0:0:0:0:1"), Arguments.of("[::1]", "0:0:0:0:0:0:0:1"),
				Arguments.of("[0:0:0:0:0:0:0:1]", "0:0:0:0:0:0:0:1"),
				Arguments.of("2001:DB8::7", "2001:db8:0:0:0:0:0:7"), Arguments.of("::1.2.3.4", "0:0:0:0:0:0:102:304"),
				// IPv4-mapped IPv6 is the IPv4 address it maps.
				Arguments.of("::ffff:10.0.0.1", "10.0.0.1"), Arguments.of("[::ffff:10.0.0.1]", "10.0.0.1"),
				Arguments.of("::ffff:a00:1", "10.0.0.1"));
	}

	static Stream<String> refused() {
		return Stream.of(
				// A leading zero: octal to inet_aton and browsers, decimal to Java.
				"010.0.0.1", "10.0.0.01", "00.0.0.0", "::ffff:010.0.0.1",
				// Not four decimal numbers.
				"10.1", "167772161", "0x0a.0.0.1", "256.0.0.1", "1.2.3.4.5", "1..2.3", "::ffff:10.1",
				// Brackets hold IPv6 only, and must close.
				"[10.0.0.1]", "[fe80::1", "fe80::1]", "[]",
				// Not IPv6.
				"1::2::3", "1:2:3:4:5:6:7:8:9",
				// A zone id names an interface of one machine: never an address to match.
				"fe80::1%eth0", "fe80::1%1", "[fe80::1%25eth0]");
	}

}
