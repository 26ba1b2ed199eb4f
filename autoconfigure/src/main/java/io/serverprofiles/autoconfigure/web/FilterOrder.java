package io.serverprofiles.autoconfigure.web;

import org.springframework.core.Ordered;

/**
 * Order of the prod server's servlet filters, all ahead of Spring Security (-100) and of
 * the application's own filters. Trusted proxies come first of those that look at the
 * request, so that every later filter sees the real client, scheme and host.
 * <p>
 * They are plain {@code HttpFilter}s: each registration's dispatcher types say when it
 * runs, so {@code OncePerRequestFilter}'s bookkeeping (a new attribute name and three
 * request-attribute operations per filter and request, 2-3% of a small request's CPU)
 * buys nothing.
 */
public final class FilterOrder {

	/**
	 * {@code Connection: close} while draining, before anything that may answer itself.
	 */
	public static final int CONNECTION_CLOSE_WHILE_DRAINING = Ordered.HIGHEST_PRECEDENCE + 5;

	/**
	 * The whoami trace, ahead of the trusted proxies: it reports the forwarding headers
	 * they hide, worked out by the same rules.
	 */
	public static final int WHOAMI = Ordered.HIGHEST_PRECEDENCE + 8;

	/**
	 * Applies X-Forwarded-* and Forwarded from trusted proxies only.
	 */
	public static final int TRUSTED_PROXIES = Ordered.HIGHEST_PRECEDENCE + 10;

	/**
	 * Request id and access log; wraps everything after it to see status and duration.
	 */
	public static final int ACCESS_LOG = Ordered.HIGHEST_PRECEDENCE + 20;

	/**
	 * Security headers, early so that rejections by later filters carry them too.
	 */
	public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 30;

	/**
	 * Host allow-list; the dev server's loopback Host check takes the same place, inside
	 * the access log so that its refusals are logged too.
	 */
	public static final int HOST_ALLOW_LIST = Ordered.HIGHEST_PRECEDENCE + 40;

	/**
	 * Request body limits, refused methods and path parameters.
	 */
	public static final int REQUEST_LIMITS = Ordered.HIGHEST_PRECEDENCE + 50;

	/**
	 * The dev server's browser reload, after its Host check: serves its script and events
	 * and adds the script to pages, ahead of Spring Security so that a login page gets it
	 * too and loading it needs no login.
	 */
	public static final int BROWSER_RELOAD = Ordered.HIGHEST_PRECEDENCE + 60;

	private FilterOrder() {
	}

}
