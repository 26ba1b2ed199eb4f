package io.serverprofiles.autoconfigure.dev;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the reload script's tag goes in a page.
 */
class ReloadScriptTagTests {

	private static final String TAG = "<script src=\"/.server-profiles/reload.js\" defer></script>";

	private final ReloadScriptTag tag = new ReloadScriptTag("");

	@Test
	void goesBeforeTheEndOfTheHead() {
		assertThat(insert("<html><HEAD><title>t</title></Head><body>x</body></html>"))
			.isEqualTo("<html><HEAD><title>t</title>" + TAG + "</Head><body>x</body></html>");
	}

	@Test
	void goesBeforeTheLastEndOfBodyWhenThereIsNoHead() {
		assertThat(insert("<p>x</p><script>'</body>'</script></BODY>"))
			.isEqualTo("<p>x</p><script>'</body>'</script>" + TAG + "</BODY>");
	}

	@Test
	void goesAtTheEndOfAPageWithNeither() {
		assertThat(insert("<!doctype html><title>A page</title>"))
			.isEqualTo("<!doctype html><title>A page</title>" + TAG);
	}

	@Test
	void namesTheScriptUnderTheContextPath() {
		assertThat(new ReloadScriptTag("/shop")).hasToString(TAG.replace("/.server", "/shop/.server"));
	}

	@Test
	void keepsEveryOtherByteOfThePage() {
		Charset latin1 = StandardCharsets.ISO_8859_1;
		byte[] page = "<head>caf\u00e9</head>".getBytes(latin1);
		assertThat(new String(this.tag.insertInto(page, latin1), latin1))
			.isEqualTo("<head>caf\u00e9" + TAG + "</head>");
	}

	@Test
	void fitsEncodingsThatWriteAsciiAsAscii() {
		assertThat(ReloadScriptTag.fits(StandardCharsets.UTF_8)).isTrue();
		assertThat(ReloadScriptTag.fits(StandardCharsets.ISO_8859_1)).isTrue();
		assertThat(ReloadScriptTag.fits(Charset.forName("windows-1252"))).isTrue();
		assertThat(ReloadScriptTag.fits(StandardCharsets.UTF_16)).isFalse();
	}

	private String insert(String page) {
		return new String(this.tag.insertInto(page.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
				StandardCharsets.UTF_8);
	}

}
