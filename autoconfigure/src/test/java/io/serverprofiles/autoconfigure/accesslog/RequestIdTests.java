package io.serverprofiles.autoconfigure.accesslog;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request id: the caller's when safe, otherwise a new random UUID.
 */
class RequestIdTests {

	@Test
	void aSafeIdIsKept() {
		assertThat(RequestId.honourOrCreate("order-42.a:b_c")).isEqualTo("order-42.a:b_c");
	}

	@Test
	void aMissingOrUnsafeIdIsReplacedByARandomVersion4Uuid() {
		Set<String> created = new HashSet<>();
		for (String incoming : new String[] { null, "", "bad id", "{\"x\":1}", "a".repeat(129) }) {
			String id = RequestId.honourOrCreate(incoming);
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.toString()).isEqualTo(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			created.add(id);
		}
		assertThat(created).hasSize(5);
	}

}
