package io.serverprofiles.autoconfigure.accesslog;

import java.time.Duration;

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

	/**
	 * Longest a line waits before it is written, where the access log writes the
	 * console's ECS JSON lines itself (prod): lines are written in batches, and what is
	 * left when the application stops is written then.
	 */
	private Duration flushInterval = Duration.ofMillis(200);

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

	public Duration getFlushInterval() {
		return this.flushInterval;
	}

	public void setFlushInterval(Duration flushInterval) {
		this.flushInterval = flushInterval;
	}

}
