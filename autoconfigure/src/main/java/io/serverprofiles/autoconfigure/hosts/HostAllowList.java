package io.serverprofiles.autoconfigure.hosts;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.serverprofiles.autoconfigure.net.IpLiteral;

/**
 * Which hosts a server answers for: exact names, domains written with a leading dot
 * ({@code .example.com} allows {@code example.com} and every subdomain, Django's rule)
 * and IP addresses. Names compare without case and without a trailing dot; addresses
 * compare by value, so {@code ::1} and {@code [0:0:0:0:0:0:0:1]} are the same host.
 */
public final class HostAllowList {

	private static final String LOOPBACK_DOMAIN = "localhost";

	private final Set<String> names = new HashSet<>();

	/**
	 * Entries as written (lower case, no trailing dot): a host sent exactly so is allowed
	 * without parsing it, the common case on every request.
	 */
	private final Set<String> asWritten = new HashSet<>();

	private final Set<String> domains = new HashSet<>();

	private final Set<InetAddress> addresses = new HashSet<>();

	/**
	 * Whether every loopback address (127.0.0.0/8, {@code ::1}) is allowed.
	 */
	private final boolean loopback;

	private HostAllowList(boolean loopback) {
		this.loopback = loopback;
	}

	/**
	 * The allow-list of the given entries.
	 * @param property the property the entries come from, named when one is invalid
	 * @param entries names, {@code .domains} and IP addresses
	 * @return the allow-list
	 * @throws InvalidAllowedHostException if an entry is none of these
	 */
	public static HostAllowList of(String property, List<String> entries) {
		return of(property, entries, false);
	}

	/**
	 * The allow-list of the loopback names and addresses ({@code localhost} and its
	 * subdomains, 127.0.0.0/8, {@code ::1}) and the given entries. It is never empty, so
	 * it never allows every host.
	 * @param property the property the entries come from, named when one is invalid
	 * @param entries names, {@code .domains} and IP addresses
	 * @return the allow-list
	 * @throws InvalidAllowedHostException if an entry is none of these
	 */
	public static HostAllowList loopbackAnd(String property, List<String> entries) {
		HostAllowList allowList = of(property, entries, true);
		allowList.domains.add(LOOPBACK_DOMAIN);
		return allowList;
	}

	private static HostAllowList of(String property, List<String> entries, boolean loopback) {
		HostAllowList allowList = new HostAllowList(loopback);
		for (String entry : entries) {
			String value = HostName.withoutTrailingDot((entry != null) ? entry.strip().toLowerCase(Locale.ROOT) : "");
			InetAddress address = IpLiteral.parse(value);
			if (address != null) {
				allowList.addresses.add(address);
				allowList.asWritten.add(value);
			}
			else if (value.startsWith(".")) {
				allowList.domains.add(hostName(property, entry, value.substring(1)));
			}
			else {
				allowList.names.add(hostName(property, entry, value));
				allowList.asWritten.add(value);
			}
		}
		return allowList;
	}

	/**
	 * Whether the list has no entry, which allows every host.
	 * @return whether the list is empty
	 */
	public boolean isEmpty() {
		return this.names.isEmpty() && this.domains.isEmpty() && this.addresses.isEmpty();
	}

	/**
	 * Whether a request for this host is allowed.
	 * @param host the host of the request, with or without a port
	 * @return whether it is allowed
	 */
	public boolean allows(String host) {
		if (isEmpty() || this.asWritten.contains(host)) {
			return true;
		}
		String name = HostName.normalize(host);
		InetAddress address = IpLiteral.parse(name);
		if (address != null) {
			return this.addresses.contains(address) || (this.loopback && address.isLoopbackAddress());
		}
		if (this.names.contains(name)) {
			return true;
		}
		for (String suffix = name; !suffix.isEmpty(); suffix = parentOf(suffix)) {
			if (this.domains.contains(suffix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the host is an IP address rather than a name.
	 * @param host the host of the request, with or without a port
	 * @return whether it is an IP literal
	 */
	public static boolean isIpLiteral(String host) {
		return IpLiteral.parse(HostName.normalize(host)) != null;
	}

	private static String parentOf(String name) {
		int dot = name.indexOf('.');
		return (dot >= 0) ? name.substring(dot + 1) : "";
	}

	private static String hostName(String property, String entry, String name) {
		String problem = HostName.problemWith(name);
		if (problem != null) {
			throw new InvalidAllowedHostException(property, entry, problem);
		}
		return name;
	}

}
