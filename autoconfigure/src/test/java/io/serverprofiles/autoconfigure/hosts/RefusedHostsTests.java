package io.serverprofiles.autoconfigure.hosts;

import io.serverprofiles.autoconfigure.hosts.RefusedHosts.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refused hosts are remembered up to a bound, and the bound is reported once.
 */
class RefusedHostsTests {

	@Test
	void eachHostIsFirstOnceThenRepeated() {
		RefusedHosts refused = new RefusedHosts(10);
		assertThat(refused.refuse("a.example")).isEqualTo(Refusal.FIRST);
		assertThat(refused.refuse("a.example")).isEqualTo(Refusal.REPEATED);
		assertThat(refused.refuse("b.example")).isEqualTo(Refusal.FIRST);
	}

	@Test
	void beyondTheBoundNewHostsAreNotRememberedAndTheBoundIsReportedOnce() {
		RefusedHosts refused = new RefusedHosts(2);
		refused.refuse("a.example");
		refused.refuse("b.example");
		assertThat(refused.refuse("c.example")).isEqualTo(Refusal.BOUND_REACHED);
		assertThat(refused.refuse("d.example")).isEqualTo(Refusal.NOT_REMEMBERED);
		assertThat(refused.refuse("c.example")).isEqualTo(Refusal.NOT_REMEMBERED);
		assertThat(refused.refuse("a.example")).isEqualTo(Refusal.REPEATED);
	}

}
