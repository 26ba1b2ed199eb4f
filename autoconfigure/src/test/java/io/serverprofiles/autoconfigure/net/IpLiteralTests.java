package io.serverprofiles.autoconfigure.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which spellings are IP addresses, and which address each one is.
 */
class IpLiteralTests {

	@ParameterizedTest
	@MethodSource(IpSpellings.ADDRESSES)
	void eachSpellingOfAnAddressIsReadAsThatAddress(String spelling, String address) {
		assertThat(IpLiteral.parse(spelling)).isNotNull()
			.satisfies((parsed) -> assertThat(parsed.getHostAddress()).isEqualTo(address));
	}

	@ParameterizedTest
	@MethodSource(IpSpellings.REFUSED)
	void anAmbiguousOrMalformedSpellingIsNoAddress(String spelling) {
		assertThat(IpLiteral.parse(spelling)).isNull();
	}

}
