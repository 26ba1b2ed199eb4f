package io.serverprofiles.autoconfigure.log;

import org.jspecify.annotations.Nullable;

/**
 * Text a client sent (a path, a method, a Host), made safe for one log line: printable
 * ASCII is kept, anything else becomes {@code ?}, so no control character, line separator
 * (U+2028, NEL) or bidirectional override reaches the log, and the text is cut at a
 * length. Spring's {@code LogFormatUtils.formatValue} quotes the value, marks the cut and
 * keeps U+2028 and the overrides, so it does not fit here.
 */
public final class UntrustedText {

	private UntrustedText() {
	}

	/**
	 * The text as it may be logged.
	 * @param text what the client sent, or {@code null}
	 * @param maxLength how many characters to keep at most
	 * @return the printable text, empty for {@code null}
	 */
	public static String printable(@Nullable String text, int maxLength) {
		if (text == null) {
			return "";
		}
		int length = Math.min(text.length(), maxLength);
		StringBuilder printable = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			printable.append((c >= 0x20 && c < 0x7f) ? c : '?');
		}
		return printable.toString();
	}

}
