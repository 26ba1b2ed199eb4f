package io.serverprofiles.autoconfigure.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The whoami token: valid for a minute either side, with the same secret only.
 */
class WhoamiTokenTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

	private final WhoamiToken token = new WhoamiToken(SECRET, at(NOW));

	@Test
	void aFreshTokenIsValid() {
		assertThat(this.token.isValid(this.token.create())).isTrue();
	}

	@Test
	void aTokenFromWithinAMinuteIsValid() {
		assertThat(this.token.isValid(new WhoamiToken(SECRET, at(NOW.minusSeconds(60))).create())).isTrue();
		assertThat(this.token.isValid(new WhoamiToken(SECRET, at(NOW.plusSeconds(60))).create())).isTrue();
	}

	@Test
	void anOlderTokenIsNot() {
		assertThat(this.token.isValid(new WhoamiToken(SECRET, at(NOW.minus(Duration.ofSeconds(61)))).create()))
			.isFalse();
	}

	@Test
	void aTokenMadeWithAnotherSecretIsNot() {
		assertThat(this.token.isValid(new WhoamiToken(SECRET.replace('0', 'x'), at(NOW)).create())).isFalse();
	}

	@Test
	void aTokenWithAnotherTimeThanItsSignatureIsNot() {
		String created = this.token.create();
		String signature = created.substring(created.indexOf('.'));
		assertThat(this.token.isValid((NOW.getEpochSecond() - 1) + signature)).isFalse();
	}

	@Test
	void garbageIsNot() {
		assertThat(this.token.isValid(null)).isFalse();
		assertThat(this.token.isValid("")).isFalse();
		assertThat(this.token.isValid("abc.def")).isFalse();
		assertThat(this.token.isValid(NOW.getEpochSecond() + ".")).isFalse();
	}

	@Test
	void aShortSecretIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WhoamiToken("short", at(NOW)))
			.withMessageContaining("server-profiles.probe.secret");
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

}
