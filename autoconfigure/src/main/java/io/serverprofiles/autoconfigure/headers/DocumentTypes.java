package io.serverprofiles.autoconfigure.headers;

import java.util.List;
import java.util.Locale;

/**
 * The content types that browsers render as documents or run as scripts: the responses
 * that a Content-Security-Policy or a Permissions-Policy governs.
 */
final class DocumentTypes {

	private final List<String> types;

	private final boolean all;

	DocumentTypes(List<String> types) {
		this.types = types.stream().map(String::strip).map((type) -> type.toLowerCase(Locale.ROOT)).toList();
		this.all = this.types.contains("*");
	}

	/**
	 * Whether a response of this content type is a document.
	 * @param contentType the response's content type, with parameters, or {@code null}
	 * @return whether it is one of the types, or has none (so the browser guesses)
	 */
	boolean includes(String contentType) {
		if (this.all || contentType == null) {
			return true;
		}
		for (String type : this.types) {
			if (contentType.regionMatches(true, 0, type, 0, type.length())
					&& (contentType.length() == type.length() || isParameterStart(contentType.charAt(type.length())))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isParameterStart(char next) {
		return next == ';' || next == ' ' || next == '\t';
	}

}
