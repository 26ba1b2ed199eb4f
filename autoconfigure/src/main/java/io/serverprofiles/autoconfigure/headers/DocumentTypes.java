package io.serverprofiles.autoconfigure.headers;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * The content types that browsers render as documents or run as scripts: the responses
 * that a Content-Security-Policy or a Permissions-Policy governs.
 */
final class DocumentTypes {

	private final List<MimeType> types;

	private final boolean all;

	DocumentTypes(List<String> types) {
		this.all = types.stream().map(String::strip).anyMatch("*"::equals);
		this.types = this.all ? List.of()
				: types.stream().map(String::strip).map(MimeTypeUtils::parseMimeType).toList();
	}

	/**
	 * Whether a response of this content type is a document.
	 * @param contentType the response's content type, with parameters, or {@code null}
	 * @return whether it is one of the types (a wildcard such as {@code text/*}
	 * included), or has none (so the browser guesses)
	 */
	boolean includes(@Nullable String contentType) {
		if (this.all || contentType == null) {
			return true;
		}
		try {
			MimeType type = MimeTypeUtils.parseMimeType(contentType);
			return this.types.stream().anyMatch((documentType) -> documentType.includes(type));
		}
		catch (InvalidMimeTypeException ex) {
			return false;
		}
	}

}
