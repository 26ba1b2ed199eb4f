package io.serverprofiles.autoconfigure.probe;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A response as the probe received it, or a connection the server closed without one.
 *
 * @param status the status code, or {@link #DROPPED}
 * @param headers the header fields by lower-case name
 * @param body the body, de-chunked, as UTF-8
 */
record ProbeResponse(int status, Map<String, List<String>> headers, String body) {

	/**
	 * The status of a connection closed without an answer (nginx's 444).
	 */
	static final int DROPPED = 0;

	static ProbeResponse dropped() {
		return new ProbeResponse(DROPPED, Map.of(), "");
	}

	boolean isDropped() {
		return this.status == DROPPED;
	}

	/**
	 * A header's values joined by commas, as HTTP combines them.
	 * @param name the name in any case
	 * @return the value, or {@code null} when absent
	 */
	@Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null) ? String.join(", ", values) : null;
	}

	/**
	 * The status as a report shows it.
	 * @return e.g. {@code 404}, or {@code the connection dropped}
	 */
	String describe() {
		return isDropped() ? "the connection dropped" : Integer.toString(this.status);
	}

}
