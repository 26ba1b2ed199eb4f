package io.serverprofiles.autoconfigure.proxy;

import java.util.List;

import io.serverprofiles.autoconfigure.net.IpSpellings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * CIDR matching for IPv4 and IPv6, and refusing what is not a range.
 */
class TrustedProxiesTests {

	@Test
	void matchesIpv4Ranges() {
		TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.7"));
		assertThat(proxies.isTrusted("10.200.3.4")).isTrue();
		assertThat(proxies.isTrusted("11.0.0.1")).isFalse();
		assertThat(proxies.isTrusted("192.168.1.7")).isTrue();
		assertThat(proxies.isTrusted("192.168.1.8")).isFalse();
	}

	@Test
	void matchesIpv6RangesIncludingBracketedLiterals() {
		TrustedProxies proxies = TrustedProxies.of(List.of("fc00::/7", "::1/128"));
		assertThat(proxies.isTrusted("fd12:3456::1")).isTrue();
		assertThat(proxies.isTrusted("[::1]")).isTrue();
		assertThat(proxies.isTrusted("2001:db8::1")).isFalse();
		assertThat(proxies.isTrusted("127.0.0.1")).isFalse();
	}

	@Test
	void namesUnknownAndObfuscatedIdentifiersAreNeverTrusted() {
		TrustedProxies everyone = TrustedProxies.of(List.of("0.0.0.0/0", "::/0"));
		assertThat(everyone.isTrusted("203.0.113.9")).isTrue();
		assertThat(everyone.isTrusted("localhost")).isFalse();
		assertThat(everyone.isTrusted("unknown")).isFalse();
		assertThat(everyone.isTrusted("_hidden")).isFalse();
		assertThat(everyone.isTrusted(null)).isFalse();
		assertThat(everyone.isTrusted("256.0.0.1")).isFalse();
		assertThat(everyone.isTrusted("1.2.3")).isFalse();
		assertThat(everyone.isTrusted("1.2.3.4.5")).isFalse();
		assertThat(everyone.isTrusted("1..2.3")).isFalse();
		assertThat(everyone.isTrusted("1.2.3.4")).isTrue();
	}

	@Test
	void ipv4LiteralsAreReadOctetByOctet() {
		TrustedProxies everyone = TrustedProxies.of(List.of("0.0.0.0/0"));
		assertThat(everyone.isTrusted("255.255.255.255")).isTrue();
		assertThat(everyone.isTrusted("199.99.9.90")).isTrue();
		assertThat(everyone.isTrusted(" 10.0.0.1 ")).isTrue();
		assertThat(everyone.isTrusted("0001.2.3.4")).isFalse();
		assertThat(everyone.isTrusted("1.2.3.256")).isFalse();
		assertThat(everyone.isTrusted("1.2.3.")).isFalse();
		assertThat(everyone.isTrusted(".1.2.3")).isFalse();
		assertThat(everyone.isTrusted("1.2.3.4:80")).isFalse();
		assertThat(everyone.isTrusted("")).isFalse();
	}

	@Test
	void prefixesMayHaveSpacesAndTheWholeRangeOfBits() {
		assertThat(TrustedProxies.of(List.of(" 10.0.0.0 / 8 ")).isTrusted("10.9.9.9")).isTrue();
		assertThat(TrustedProxies.of(List.of("::1/128")).isTrusted("::1")).isTrue();
		assertThat(TrustedProxies.of(List.of("[::1]")).isTrusted("::1")).isTrue();
	}

	@ParameterizedTest
	@MethodSource(IpSpellings.ADDRESSES)
	void eachSpellingOfAnAddressIsThatAddressInARangeAndInAHeader(String spelling, String address) {
		assertThat(TrustedProxies.of(List.of(address)).isTrusted(spelling)).isTrue();
		assertThat(TrustedProxies.of(List.of(spelling)).isTrusted(address)).isTrue();
	}

	@ParameterizedTest
	@MethodSource(IpSpellings.REFUSED)
	void anAmbiguousOrMalformedAddressIsNeverTrustedNorARange(String spelling) {
		assertThat(TrustedProxies.of(List.of("0.0.0.0/0", "::/0")).isTrusted(spelling)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of(spelling)));
	}

	@Test
	void anEntryThatIsNotARangeIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
			.withMessageContaining("'10.0.0.0/33'");
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("proxy.internal")))
			.withMessageContaining("'proxy.internal' is not an IP address or CIDR range");
	}

}
