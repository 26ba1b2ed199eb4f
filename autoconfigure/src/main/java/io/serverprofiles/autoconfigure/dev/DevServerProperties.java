package io.serverprofiles.autoconfigure.dev;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dev server. Restart tuning uses devtools' own
 * {@code spring.devtools.restart.*} keys, which server-profiles sets as defaults.
 */
@ConfigurationProperties(DevServerProperties.PREFIX)
public class DevServerProperties {

	/**
	 * The prefix of these settings.
	 */
	public static final String PREFIX = "server-profiles.dev";

	/**
	 * The key of allowed-hosts.
	 */
	public static final String ALLOWED_HOSTS = PREFIX + ".allowed-hosts";

	/**
	 * Whether to log the dev server's URLs and how to switch mode once it is ready.
	 */
	private boolean startupReport = true;

	/**
	 * Whether a rebuilt class whose only change is in the bodies of request handlers
	 * (@GetMapping and the like, @ExceptionHandler, lambdas in them) goes into the
	 * running app without a restart. Any other class change restarts the app.
	 */
	private boolean hotSwap = true;

	/**
	 * Whether the HTML pages of the dev server reload themselves when the app restarts or
	 * a change goes in without a restart. Each page gets one script tag, for a script of
	 * the same origin served under /.server-profiles/.
	 */
	private boolean browserReload = true;

	/**
	 * Whether the dev server answers only loopback host names (localhost and its
	 * subdomains, 127.0.0.0/8, [::1]) and the allowed hosts, so that a web page cannot
	 * read it by rebinding its DNS name to 127.0.0.1. Other hosts get a 403.
	 */
	private boolean hostCheck = true;

	/**
	 * Comma-separated list of hosts the dev server answers for besides loopback names,
	 * such as a phone on the LAN or a tunnel: names (laptop.lan), domains with a leading
	 * dot (.tunnel.example: tunnel.example and all its subdomains) and IP addresses
	 * (192.168.1.20).
	 */
	private List<String> allowedHosts = new ArrayList<>();

	public boolean isStartupReport() {
		return this.startupReport;
	}

	public void setStartupReport(boolean startupReport) {
		this.startupReport = startupReport;
	}

	public boolean isHotSwap() {
		return this.hotSwap;
	}

	public void setHotSwap(boolean hotSwap) {
		this.hotSwap = hotSwap;
	}

	public boolean isBrowserReload() {
		return this.browserReload;
	}

	public void setBrowserReload(boolean browserReload) {
		this.browserReload = browserReload;
	}

	public boolean isHostCheck() {
		return this.hostCheck;
	}

	public void setHostCheck(boolean hostCheck) {
		this.hostCheck = hostCheck;
	}

	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	public void setAllowedHosts(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

}
