package io.serverprofiles.autoconfigure.headers;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.convert.DurationUnit;

/**
 * Strict-Transport-Security, sent on secure requests only.
 */
public class HstsProperties {

	/**
	 * Whether to send Strict-Transport-Security on secure requests.
	 */
	private boolean enabled = true;

	/**
	 * Time browsers keep to HTTPS for the host. If a duration suffix is not specified,
	 * seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration maxAge = Duration.ofDays(365);

	/**
	 * Whether the policy covers every subdomain of the host too.
	 */
	private boolean includeSubDomains = true;

	/**
	 * Whether to ask browsers to preload the policy. Submit the domain to hstspreload.org
	 * first; leaving the list again takes months.
	 */
	private boolean preload;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getMaxAge() {
		return this.maxAge;
	}

	public void setMaxAge(Duration maxAge) {
		this.maxAge = maxAge;
	}

	public boolean isIncludeSubDomains() {
		return this.includeSubDomains;
	}

	public void setIncludeSubDomains(boolean includeSubDomains) {
		this.includeSubDomains = includeSubDomains;
	}

	public boolean isPreload() {
		return this.preload;
	}

	public void setPreload(boolean preload) {
		this.preload = preload;
	}

}
