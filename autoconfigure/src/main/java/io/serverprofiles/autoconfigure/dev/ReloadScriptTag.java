package io.serverprofiles.autoconfigure.dev;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.web.util.HtmlUtils;

/**
 * The reload script's tag, and where it goes in a page: before {@code </head>}, else
 * before the last {@code </body>}, else at the end. The tag is the only change, so a page
 * keeps every other byte.
 */
final class ReloadScriptTag {

	private final String tag;

	/**
	 * The tag for the pages of an application.
	 * @param contextPath the application's context path, empty at the root
	 */
	ReloadScriptTag(String contextPath) {
		this.tag = "<script src=\"" + HtmlUtils.htmlEscape(contextPath + BrowserReloadFilter.SCRIPT_PATH)
				+ "\" defer></script>";
	}

	/**
	 * Whether the tag can go into a page of this encoding: one that writes ASCII as ASCII
	 * (UTF-8, ISO-8859-1 and the like), where the tags around it are found by their
	 * bytes.
	 * @param charset the page's encoding
	 * @return whether pages of this encoding get the tag
	 */
	static boolean fits(Charset charset) {
		String markup = "</head></body>";
		return Arrays.equals(markup.getBytes(charset), markup.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The page with the tag inserted.
	 * @param page the page as the application wrote it
	 * @param charset its encoding, one that {@link #fits(Charset)}
	 * @return the page with the tag
	 */
	byte[] insertInto(byte[] page, Charset charset) {
		int at = find(page, "</head>", false);
		if (at < 0) {
			at = find(page, "</body>", true);
		}
		if (at < 0) {
			at = page.length;
		}
		ByteArrayOutputStream withTag = new ByteArrayOutputStream(page.length + this.tag.length());
		withTag.write(page, 0, at);
		withTag.writeBytes(this.tag.getBytes(charset));
		withTag.write(page, at, page.length - at);
		return withTag.toByteArray();
	}

	@Override
	public String toString() {
		return this.tag;
	}

	private static int find(byte[] page, String markup, boolean last) {
		int found = -1;
		for (int at = 0; at <= page.length - markup.length(); at++) {
			if (matches(page, at, markup)) {
				if (!last) {
					return at;
				}
				found = at;
			}
		}
		return found;
	}

	private static boolean matches(byte[] page, int at, String markup) {
		for (int i = 0; i < markup.length(); i++) {
			if (Character.toLowerCase((char) (page[at + i] & 0xff)) != markup.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
