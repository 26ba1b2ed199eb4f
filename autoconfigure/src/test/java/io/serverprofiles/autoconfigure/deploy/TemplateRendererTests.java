package io.serverprofiles.autoconfigure.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filling {@code ${NAME}} placeholders the way envsubst does, and no more.
 */
class TemplateRendererTests {

	private final TemplateRenderer renderer = new TemplateRenderer(Map.of("APP_PORT", List.of("8080"),
			"UPSTREAM_SERVER", List.of("10.0.0.1:8080", "10.0.0.2:8080"), "EMPTY", List.of("")));

	@Test
	void knownPlaceholdersAreReplaced() {
		assertThat(this.renderer.render("listen ${APP_PORT};")).isEqualTo("listen 8080;");
	}

	@Test
	void nginxVariablesAndUnknownPlaceholdersStayAsTheyAre() {
		assertThat(this.renderer.render("proxy_set_header Host $host; FROM ${JRE_IMAGE} ${lower}"))
			.isEqualTo("proxy_set_header Host $host; FROM ${JRE_IMAGE} ${lower}");
	}

	@Test
	void aLineWithAPlaceholderOfSeveralValuesIsWrittenOncePerValue() {
		assertThat(this.renderer.render("upstream app {\n  server ${UPSTREAM_SERVER} max_fails=1;\n}\n"))
			.isEqualTo("upstream app {\n  server 10.0.0.1:8080 max_fails=1;\n  server 10.0.0.2:8080 max_fails=1;\n}\n");
	}

	@Test
	void emptyValuesAndLineEndingsAreKept() {
		assertThat(this.renderer.render("a${EMPTY}b\n\nc")).isEqualTo("ab\n\nc");
	}

	@Test
	void placeholdersInReportsEveryUpperCaseName() {
		assertThat(TemplateRenderer.placeholdersIn("${A} $b ${C_2} ${d} ${A}")).containsExactly("A", "C_2");
	}

}
