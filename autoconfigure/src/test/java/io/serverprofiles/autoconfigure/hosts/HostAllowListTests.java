package io.serverprofiles.autoconfigure.hosts;

import java.util.List;

import io.serverprofiles.autoconfigure.net.IpSpellings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which hosts an allow-list lets through, and which entries it refuses to start with.
 */
class HostAllowListTests {

	private static final String PROPERTY = "server-profiles.prod.allowed-hosts";

	@Test
	void anExactNameMatchesWithoutCasePortOrTrailingDot() {
		HostAllowList allowList = HostAllowList.of(PROPERTY, List.of("App.Example.COM"));
		assertThat(allowList.allows("app.example.com")).isTrue();
		assertThat(allowList.allows("APP.EXAMPLE.com")).isTrue();
		assertThat(allowList.allows("app.example.com:8443")).isTrue();
		assertThat(allowList.allows("app.example.com.")).isTrue();
	}

	@Test
	void anExactNameDoesNotAllowItsSubdomainsOrLookAlikes() {
		HostAllowList allowList = HostAllowList.of(PROPERTY, List.of("example.com"));
		assertThat(allowList.allows("api.example.com")).isFalse();
		assertThat(allowList.allows("badexample.com")).isFalse();
		assertThat(allowList.allows("example.com.evil.test")).isFalse();
		assertThat(allowList.allows("")).isFalse();
	}

	@Test
	void aLeadingDotAllowsTheDomainAndEverySubdomain() {
		HostAllowList allowList = HostAllowList.of(PROPERTY, List.of(".example.com"));
		assertThat(allowList.allows("example.com")).isTrue();
		assertThat(allowList.allows("api.example.com")).isTrue();
		assertThat(allowList.allows("a.b.example.com:443")).isTrue();
		assertThat(allowList.allows("badexample.com")).isFalse();
		assertThat(allowList.allows("example.com.evil.test")).isFalse();
		assertThat(allowList.allows("com")).isFalse();
	}

	@Test
	void ipv4AddressesMatchByValue() {
		HostAllowList allowList = HostAllowList.of(PROPERTY, List.of("10.0.0.5"));
		assertThat(allowList.allows("10.0.0.5")).isTrue();
		assertThat(allowList.allows("10.0.0.5:8080")).isTrue();
		assertThat(allowList.allows("10.0.0.6")).isFalse();
		assertThat(allowList.allows("010.0.0.5")).isFalse();
	}

	@Test
	void ipv6AddressesMatchByValueWithOrWithoutBrackets() {
		HostAllowList allowList = HostAllowList.of(PROPERTY, List.of("::1", "[2001:db8::7]"));
		assertThat(allowList.allows("[::1]")).isTrue();
		assertThat(allowList.allows("[0:0:0:0:0:0:0:1]:8080")).isTrue();
		assertThat(allowList.allows("::1")).isTrue();
		assertThat(allowList.allows("[2001:DB8:0::7]")).isTrue();
		assertThat(allowList.allows("[::2]")).isFalse();
	}

	@Test
	void anAddressIsNeverMatchedByADomain() {
		HostAllowList allowList = HostAllowList.of(PROPERTY, List.of(".example.com"));
		assertThat(allowList.allows("10.0.0.5")).isFalse();
	}

	@Test
	void anEmptyListAllowsEveryHost() {
		HostAllowList allowList = HostAllowList.of(PROPERTY, List.of());
		assertThat(allowList.isEmpty()).isTrue();
		assertThat(allowList.allows("anything.example")).isTrue();
		assertThat(allowList.allows("10.0.0.5")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "LocalHost", "localhost.", "localhost:8080", "app.localhost",
			"a.b.localhost:3000", "127.0.0.1", "127.0.0.1:1234", "127.9.9.9", "127.0.0.1.", "[::1]", "[::1]:8080",
			"[0:0:0:0:0:0:0:1]", "::1", "[::ffff:127.0.0.1]" })
	void loopbackNamesAndAddressesAreAllowedWhenAskedFor(String host) {
		assertThat(HostAllowList.loopbackAnd(PROPERTY, List.of()).allows(host)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "rebind.attacker.example", "localhost.attacker.example", "127.0.0.1.attacker.example",
			"notlocalhost", "localhost-app", "10.1.2.3", "0.0.0.0", "128.0.0.1", "[::2]", "" })
	void otherHostsAreNotLoopback(String host) {
		HostAllowList allowList = HostAllowList.loopbackAnd(PROPERTY, List.of());
		assertThat(allowList.isEmpty()).isFalse();
		assertThat(allowList.allows(host)).isFalse();
	}

	@Test
	void entriesAreAllowedBesideLoopback() {
		HostAllowList allowList = HostAllowList.loopbackAnd(PROPERTY, List.of("192.168.1.20", ".tunnel.example"));
		assertThat(allowList.allows("192.168.1.20:8080")).isTrue();
		assertThat(allowList.allows("abc.tunnel.example")).isTrue();
		assertThat(allowList.allows("localhost")).isTrue();
		assertThat(allowList.allows("192.168.1.21")).isFalse();
	}

	@Test
	void withoutTheLoopbackAllowanceLoopbackIsAHostLikeAnyOther() {
		HostAllowList allowList = HostAllowList.of(PROPERTY, List.of("app.example"));
		assertThat(allowList.allows("localhost")).isFalse();
		assertThat(allowList.allows("app.localhost")).isFalse();
		assertThat(allowList.allows("127.0.0.1")).isFalse();
		assertThat(allowList.allows("[::1]")).isFalse();
	}

	@Test
	void ipLiteralsAreToldFromNamesWithoutAskingDns() {
		assertThat(HostAllowList.isIpLiteral("10.1.2.3")).isTrue();
		assertThat(HostAllowList.isIpLiteral("10.1.2.3:8080")).isTrue();
		assertThat(HostAllowList.isIpLiteral("[fe80::1]")).isTrue();
		assertThat(HostAllowList.isIpLiteral("[fe80::1]:8080")).isTrue();
		assertThat(HostAllowList.isIpLiteral("localhost")).isFalse();
		assertThat(HostAllowList.isIpLiteral("999.1.2.3")).isFalse();
		assertThat(HostAllowList.isIpLiteral("010.1.2.3")).isFalse();
		assertThat(HostAllowList.isIpLiteral("cafe:80")).isFalse();
		assertThat(HostAllowList.isIpLiteral("[not-an-address]")).isFalse();
	}

	@ParameterizedTest
	@MethodSource(IpSpellings.ADDRESSES)
	void eachSpellingOfAnAddressIsThatAddressInAnEntryAndInAHost(String spelling, String address) {
		assertThat(HostAllowList.isIpLiteral(spelling)).isTrue();
		assertThat(HostAllowList.of(PROPERTY, List.of(address)).allows(spelling)).isTrue();
		assertThat(HostAllowList.of(PROPERTY, List.of(spelling)).allows(address)).isTrue();
	}

	@ParameterizedTest
	@MethodSource(IpSpellings.REFUSED)
	void anAmbiguousOrMalformedAddressIsNoAddressAndMatchesNone(String spelling) {
		assertThat(HostAllowList.isIpLiteral(spelling)).isFalse();
		assertThat(HostAllowList.of(PROPERTY, List.of("10.0.0.1", "8.0.0.1", "0.0.0.0", "::1", "fe80::1", "1.2.3.4"))
			.allows(spelling)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://example.com", "example.com/app", "example.com:8080", "*.example.com", "*", "",
			" ", "exa mple.com", "1.2.3.999", "010.0.0.5", "-bad.example", "a..b", "." })
	void anEntryThatIsNotAHostStopsStartupNamingThePropertyAndTheEntry(String entry) {
		assertThatExceptionOfType(InvalidAllowedHostException.class)
			.isThrownBy(() -> HostAllowList.of(PROPERTY, List.of("example.org", entry)))
			.withMessageStartingWith("Invalid entry '" + entry + "' in " + PROPERTY + ": ")
			.satisfies((ex) -> assertThat(ex.getEntry()).isEqualTo(entry));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "''| it is empty.", "1.2.3.999| it is not a valid IPv4 address.",
			"exa mple.com|it is not a valid host name (letters, digits, '-' and '_' in dot-separated labels)." })
	void anInvalidEntryIsToldWhatIsWrongWithIt(String entry, String reason) {
		assertThatExceptionOfType(InvalidAllowedHostException.class)
			.isThrownBy(() -> HostAllowList.of(PROPERTY, List.of(entry)))
			.withMessage("Invalid entry '" + entry + "' in " + PROPERTY + ": " + reason);
	}

	@Test
	void aHostNameMayHaveUpTo253Characters() {
		String longest = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
		assertThat(HostAllowList.of(PROPERTY, List.of(longest)).allows(longest)).isTrue();
		assertThatExceptionOfType(InvalidAllowedHostException.class)
			.isThrownBy(() -> HostAllowList.of(PROPERTY, List.of(longest + "d")))
			.withMessageContaining("it is not a valid host name");
	}

	@Test
	void anInvalidEntryNamesThePropertyItCameFrom() {
		assertThatExceptionOfType(InvalidAllowedHostException.class)
			.isThrownBy(() -> HostAllowList.of("server-profiles.dev.allowed-hosts", List.of("http://phone.lan")))
			.withMessage("Invalid entry 'http://phone.lan' in server-profiles.dev.allowed-hosts: write the host only, "
					+ "without a scheme or a path.")
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("server-profiles.dev.allowed-hosts"));
	}

	@Test
	void aWildcardEntryIsToldHowToWriteADomain() {
		assertThatExceptionOfType(InvalidAllowedHostException.class)
			.isThrownBy(() -> HostAllowList.of(PROPERTY, List.of("*.example.com")))
			.withMessageContaining("write .example.com");
	}

	@Test
	void anEntryWithAPortIsToldToDropIt() {
		assertThatExceptionOfType(InvalidAllowedHostException.class)
			.isThrownBy(() -> HostAllowList.of(PROPERTY, List.of("example.com:8080")))
			.withMessageContaining("without a port");
	}

}
