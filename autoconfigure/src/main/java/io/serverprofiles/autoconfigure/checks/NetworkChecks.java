package io.serverprofiles.autoconfigure.checks;

import java.util.List;
import java.util.Locale;

import io.serverprofiles.autoconfigure.net.CidrRange;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;

/**
 * Who the prod server listens to: hosts, proxies, TLS, cookies.
 */
final class NetworkChecks {

	private NetworkChecks() {
	}

	static ProductionCheck allowedHosts() {
		return new SimpleCheck("SP-105", Severity.WARNING,
				(context) -> context.prod().getAllowedHosts().isEmpty()
						? "Any Host header is accepted (" + ProdServerProperties.ALLOWED_HOSTS + " is empty)" : null,
				"Set " + ProdServerProperties.ALLOWED_HOSTS
						+ " to your public host names, e.g. example.com,.example.com");
	}

	static ProductionCheck trustEveryone() {
		return new SimpleCheck("SP-106", Severity.ERROR, (context) -> {
			List<String> everyone = context.prod()
				.getTrustedProxies()
				.stream()
				.filter(NetworkChecks::coversEveryAddress)
				.toList();
			return everyone.isEmpty() ? null : "Every peer is a trusted proxy (" + String.join(", ", everyone)
					+ "), so any client can forge its address and scheme";
		}, "List only your proxies' addresses or subnets in " + ProdServerProperties.TRUSTED_PROXIES);
	}

	static ProductionCheck defaultTrustedProxies() {
		return new SimpleCheck("SP-116", Severity.WARNING,
				(context) -> context.prod().trustsDefaultProxies()
						? "The trusted proxies are the default (loopback and every private range): a client inside "
								+ "those ranges (an intranet, a VPN) can set the address and scheme the app sees"
						: null,
				"Set " + ProdServerProperties.TRUSTED_PROXIES
						+ " to your proxy's address only (the rendered bundles set it: "
						+ "127.0.0.1/32,::1/128 for nginx on the same host)");
	}

	static ProductionCheck plainHttpWithoutProxy() {
		return new SimpleCheck("SP-111", Severity.WARNING, (context) -> {
			boolean tls = Boolean.parseBoolean(context.property("server.ssl.enabled", "false"))
					|| !context.property("server.ssl.bundle", "").isEmpty()
					|| !context.property("server.ssl.key-store", "").isEmpty();
			boolean proxies = !context.prod().getTrustedProxies().isEmpty();
			return (tls || proxies) ? null
					: "The server speaks plain HTTP and trusts no proxy, so nothing terminates TLS for it";
		}, "Put a TLS-terminating proxy in front and list it in " + ProdServerProperties.TRUSTED_PROXIES
				+ ", or configure server.ssl.*");
	}

	static ProductionCheck containerForwardedHeaders() {
		return new SimpleCheck("SP-115", Severity.ERROR, (context) -> {
			String strategy = context.property("server.forward-headers-strategy", "none").toLowerCase(Locale.ROOT);
			return strategy.equals("none") ? null
					: "server.forward-headers-strategy=" + strategy + " applies forwarded headers outside "
							+ ProdServerProperties.TRUSTED_PROXIES + " (Jetty's native support trusts " + "every peer)";
		}, "Remove server.forward-headers-strategy; server-profiles applies forwarded headers from trusted proxies");
	}

	static ProductionCheck insecureSessionCookie() {
		return new SimpleCheck("SP-108", Severity.WARNING, (context) -> Boolean
			.parseBoolean(context.property("server.servlet.session.cookie.secure", "false")) ? null
					: "The session cookie is sent over plain HTTP too (server.servlet.session.cookie.secure is not true)",
				"Set server.servlet.session.cookie.secure=true (the prod default)");
	}

	/**
	 * Whether a trusted-proxies entry holds every address of its family, however it is
	 * written ({@code 0.0.0.0/0}, {@code ::/0}, {@code ::ffff:0:0/96}).
	 */
	private static boolean coversEveryAddress(String cidr) {
		try {
			return CidrRange.parse(cidr).prefix() == 0;
		}
		catch (IllegalArgumentException ex) {
			// Not a range: the trusted proxies refuse it at startup, naming it.
			return false;
		}
	}

}
