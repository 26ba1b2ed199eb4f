package io.serverprofiles.autoconfigure.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * CIDR ranges: the prefix bits that match, the whole range of prefixes, the IPv4-mapped
 * form, and what is refused.
 */
class CidrRangeTests {

	@Test
	void aZeroPrefixMatchesEveryAddressOfItsFamilyOnly() {
		assertThat(contains("0.0.0.0/0", "203.0.113.9")).isTrue();
		assertThat(contains("0.0.0.0/0", "::1")).isFalse();
		assertThat(contains("::/0", "2001:db8::1")).isTrue();
		assertThat(contains("::/0", "10.0.0.1")).isFalse();
	}

	@Test
	void aFullPrefixOrNoneMatchesOneAddress() {
		assertThat(contains("10.1.2.3/32", "10.1.2.3")).isTrue();
		assertThat(contains("10.1.2.3/32", "10.1.2.4")).isFalse();
		assertThat(contains("10.1.2.3", "10.1.2.2")).isFalse();
		assertThat(contains("2001:db8::1/128", "2001:db8::1")).isTrue();
		assertThat(contains("2001:db8::1/128", "2001:db8::2")).isFalse();
		assertThat(contains("[::1]", "::1")).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "192.168.4.0/23, 192.168.5.255, true", "192.168.4.0/23, 192.168.3.255, false",
			"192.168.4.0/23, 192.168.6.0, false", "172.16.0.0/12, 172.31.255.255, true",
			"172.16.0.0/12, 172.32.0.0, false", "fe80::/10, febf::1, true", "fe80::/10, fec0::1, false",
			"[fc00::]/7, fd12:3456::1, true", "10.9.8.77/24, 10.9.8.1, true" })
	void aPrefixCutsInsideAByte(String range, String address, boolean contained) {
		assertThat(contains(range, address)).isEqualTo(contained);
	}

	@Test
	void anIpv4MappedRangeIsTheIpv4RangeItMaps() {
		assertThat(contains("::ffff:10.0.0.0/104", "10.200.3.4")).isTrue();
		assertThat(contains("::ffff:10.0.0.0/104", "11.0.0.1")).isFalse();
		assertThat(contains("::ffff:0:0/96", "203.0.113.9")).isTrue();
		assertThat(contains("10.0.0.0/8", "::ffff:10.1.2.3")).isTrue();
		assertThat(CidrRange.parse("::ffff:10.0.0.0/104").prefix()).isEqualTo(8);
	}

	@ParameterizedTest
	@CsvSource({ "10.0.0.0/-1, 0-32", "10.0.0.0/33, 0-32", "fc00::/129, 0-128", "10.0.0.0/eight, 0-32",
			"10.0.0.0/, 0-32", "10.0.0.0/8/8, 0-32", "::ffff:10.0.0.0/64, 96-128" })
	void aPrefixOutsideTheAddressIsRefusedNamingTheRange(String range, String bits) {
		assertThatIllegalArgumentException().isThrownBy(() -> CidrRange.parse(range))
			.withMessage("'" + range + "' has a prefix outside " + bits);
	}

	@ParameterizedTest
	@ValueSource(strings = { "proxy.internal", "", "/8", "fe80::1%eth0/64" })
	void anEntryThatIsNotARangeIsRefusedByName(String range) {
		assertThatIllegalArgumentException().isThrownBy(() -> CidrRange.parse(range))
			.withMessage("'" + range + "' is not an IP address or CIDR range");
	}

	@Test
	void aLeadingZeroIsRefusedSayingWhy() {
		assertThatIllegalArgumentException().isThrownBy(() -> CidrRange.parse("010.0.0.0/8"))
			.withMessageStartingWith("'010.0.0.0/8' is not an IP address or CIDR range")
			.withMessageContaining("leading zero, such as 010, is octal to some parsers and decimal to others");
	}

	@Test
	void spacesAroundTheAddressAndThePrefixAreAllowed() {
		assertThat(contains(" 10.0.0.0 / 8 ", "10.9.9.9")).isTrue();
	}

	@Test
	void theAddressesOfARangeCountFromItsNetworkAddress() {
		CidrRange range = CidrRange.parse("172.30.253.9/29");
		assertThat(range.isIpv4()).isTrue();
		assertThat(range.prefix()).isEqualTo(29);
		assertThat(range.address(0).getHostAddress()).isEqualTo("172.30.253.8");
		assertThat(range.address(2).getHostAddress()).isEqualTo("172.30.253.10");
		assertThat(range.address(7).getHostAddress()).isEqualTo("172.30.253.15");
		assertThat(CidrRange.parse("10.0.0.0/8").address(256).getHostAddress()).isEqualTo("10.0.1.0");
		// A carry into the first byte.
		assertThat(CidrRange.parse("0.0.0.0/0").address(1 << 24).getHostAddress()).isEqualTo("1.0.0.0");
		assertThat(CidrRange.parse("fd00::/64").address(2).getHostAddress()).isEqualTo("fd00:0:0:0:0:0:0:2");
		assertThat(CidrRange.parse("fd00::/64").isIpv4()).isFalse();
	}

	@Test
	void aRangeHasNoAddressPastItsEnd() {
		assertThatIllegalArgumentException().isThrownBy(() -> CidrRange.parse("172.30.253.8/29").address(8))
			.withMessage("A /29 range has no address number 8");
		assertThatIllegalArgumentException().isThrownBy(() -> CidrRange.parse("255.255.255.255").address(1));
		assertThatIllegalArgumentException().isThrownBy(() -> CidrRange.parse("10.0.0.0/8").address(-1));
	}

	private static boolean contains(String range, String address) {
		return CidrRange.parse(range).contains(IpLiteral.parse(address).getAddress());
	}

}
