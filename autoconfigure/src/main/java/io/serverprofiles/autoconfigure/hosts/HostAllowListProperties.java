package io.serverprofiles.autoconfigure.hosts;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Hosts the prod server answers for.
 */
@ConfigurationProperties("server-profiles.prod")
public class HostAllowListProperties {

	/**
	 * Comma-separated list of hosts the prod server answers for: names (app.example.com),
	 * domains with a leading dot (.example.com: example.com and all its subdomains) and
	 * IP addresses (10.0.0.5, ::1). Requests for another host get a 400. Empty allows
	 * every host.
	 */
	private List<String> allowedHosts = new ArrayList<>();

	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	public void setAllowedHosts(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

}
