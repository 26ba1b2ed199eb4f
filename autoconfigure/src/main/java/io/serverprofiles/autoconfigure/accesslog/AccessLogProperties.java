package io.serverprofiles.autoconfigure.accesslog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The request log of both servers.
 */
@ConfigurationProperties("server-profiles.access-log")
public class AccessLogProperties {

	/**
	 * Whether to log one line per request (logger io.serverprofiles.access, level INFO).
	 */
	private boolean enabled = true;

	/**
	 * Whether to log probe requests (/livez, /readyz, /actuator/health) at INFO too;
	 * otherwise they are logged at DEBUG so that orchestrators' polling does not flood
	 * the log.
	 */
	private boolean includeProbes = false;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isIncludeProbes() {
		return this.includeProbes;
	}

	public void setIncludeProbes(boolean includeProbes) {
		this.includeProbes = includeProbes;
	}

}
