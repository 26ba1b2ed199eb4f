package io.serverprofiles.autoconfigure.log;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What of a client's text reaches a log line.
 */
class UntrustedTextTests {

	@Test
	void printableAsciiIsKept() {
		assertThat(UntrustedText.printable("GET /a b?c=d&e=~", 100)).isEqualTo("GET /a b?c=d&e=~");
	}

	@Test
	void controlCharactersBecomeQuestionMarks() {
		assertThat(UntrustedText.printable("a\r\nb\tc\u0000d\u001be\u007ff", 100)).isEqualTo("a??b?c?d?e?f");
	}

	@Test
	void lineSeparatorsAndBidirectionalOverridesBecomeQuestionMarks() {
		assertThat(UntrustedText.printable("a\u0085b\u2028c\u2029d\u202ee", 100)).isEqualTo("a?b?c?d?e");
	}

	@Test
	void everyOtherNonAsciiCharacterBecomesAQuestionMark() {
		assertThat(UntrustedText.printable("caf\u00e9-\ud83d\ude00", 100)).isEqualTo("caf?-??");
	}

	@Test
	void theTextIsCutAtTheLength() {
		assertThat(UntrustedText.printable("abcdef", 4)).isEqualTo("abcd");
		assertThat(UntrustedText.printable("abc", 4)).isEqualTo("abc");
	}

	@Test
	void nothingIsEmpty() {
		assertThat(UntrustedText.printable(null, 4)).isEmpty();
	}

}
