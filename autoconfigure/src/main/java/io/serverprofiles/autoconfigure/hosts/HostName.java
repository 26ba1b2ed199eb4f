package io.serverprofiles.autoconfigure.hosts;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How host names are compared and checked: lower case, no port, no trailing dot.
 */
final class HostName {

	private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

	private static final Pattern DOT = Pattern.compile("\\.");

	private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

	private HostName() {
	}

	/**
	 * The host of a request as compared: lower case, without port or trailing dot; an
	 * IPv6 literal keeps its brackets.
	 * @param host the host, as the server read it
	 * @return the normalized host
	 */
	static String normalize(@Nullable String host) {
		String name = (host != null) ? host.strip().toLowerCase(Locale.ROOT) : "";
		if (name.startsWith("[")) {
			int end = name.indexOf(']');
			return (end > 0) ? name.substring(0, end + 1) : name;
		}
		int colon = name.indexOf(':');
		if (colon >= 0 && colon == name.lastIndexOf(':')) {
			name = name.substring(0, colon);
		}
		return withoutTrailingDot(name);
	}

	static String withoutTrailingDot(String name) {
		return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
	}

	/**
	 * What keeps a configured entry from being a host name, with the fix.
	 * @param name the entry, lower case
	 * @return the problem, or {@code null} when it is a valid host name
	 */
	static @Nullable String problemWith(String name) {
		if (name.isEmpty()) {
			return "it is empty.";
		}
		if (name.contains("/")) {
			return "write the host only, without a scheme or a path.";
		}
		if (name.contains("*")) {
			return "wildcards are not supported; write .example.com for example.com and all its subdomains.";
		}
		if (name.contains(":")) {
			return "write the host without a port (an IPv6 address is written ::1 or [::1]).";
		}
		if (DIGITS_AND_DOTS.matcher(name).matches()) {
			return "it is not a valid IPv4 address.";
		}
		if (name.length() > 253 || !DOT.splitAsStream(name).allMatch((label) -> LABEL.matcher(label).matches())) {
			return "it is not a valid host name (letters, digits, '-' and '_' in dot-separated labels).";
		}
		return null;
	}

}
