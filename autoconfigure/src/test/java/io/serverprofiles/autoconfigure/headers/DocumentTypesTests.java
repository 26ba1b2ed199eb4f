package io.serverprofiles.autoconfigure.headers;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which responses count as documents, by their media type rather than their spelling.
 */
class DocumentTypesTests {

	private final DocumentTypes types = new DocumentTypes(List.of("text/html", " image/svg+xml "));

	@Test
	void aTypeMatchesWhateverItsParametersAndCase() {
		assertThat(this.types.includes("text/html")).isTrue();
		assertThat(this.types.includes("TEXT/HTML; charset=UTF-8")).isTrue();
		assertThat(this.types.includes("image/svg+xml;charset=utf-8")).isTrue();
	}

	@Test
	void otherTypesAndLookalikesDoNot() {
		assertThat(this.types.includes("application/json")).isFalse();
		assertThat(this.types.includes("text/htmlx")).isFalse();
		assertThat(this.types.includes("text/plain")).isFalse();
		assertThat(this.types.includes("not a type")).isFalse();
	}

	@Test
	void noTypeIsADocumentSinceTheBrowserGuesses() {
		assertThat(this.types.includes(null)).isTrue();
	}

	@Test
	void aWildcardSubtypeMatchesEveryTypeUnderIt() {
		DocumentTypes text = new DocumentTypes(List.of("text/*"));
		assertThat(text.includes("text/plain; charset=utf-8")).isTrue();
		assertThat(text.includes("application/javascript")).isFalse();
	}

	@Test
	void anAsteriskMakesEveryResponseADocument() {
		assertThat(new DocumentTypes(List.of("*")).includes("application/json")).isTrue();
	}

}
