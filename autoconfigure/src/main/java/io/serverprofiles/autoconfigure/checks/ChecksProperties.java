package io.serverprofiles.autoconfigure.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Production-readiness checks of the prod server.
 */
@ConfigurationProperties(ChecksProperties.PREFIX)
public class ChecksProperties {

	/**
	 * The prefix of these settings.
	 */
	public static final String PREFIX = "server-profiles.checks";

	/**
	 * The key of only.
	 */
	public static final String ONLY = PREFIX + ".only";

	/**
	 * Comma-separated list of check ids to silence, e.g. SP-105.
	 */
	private List<String> ignore = new ArrayList<>();

	/**
	 * Lowest severity that stops startup and makes the CLI mode exit 1.
	 */
	private FailOn failOn = FailOn.ERROR;

	/**
	 * Whether to only run the checks, print the report and exit (0 clean, 1 findings at
	 * or above fail-on, 2 could not evaluate) without opening a port.
	 */
	private boolean only;

	/**
	 * Format of the report printed by the CLI mode.
	 */
	private Format format = Format.TEXT;

	/**
	 * Time the platform gives the process between SIGTERM and SIGKILL, for the check that
	 * drain and shutdown fit in it. Unset: 30s on Kubernetes (its default), unknown
	 * elsewhere.
	 */
	private @Nullable Duration gracePeriod;

	public List<String> getIgnore() {
		return this.ignore;
	}

	public void setIgnore(List<String> ignore) {
		this.ignore = ignore;
	}

	public FailOn getFailOn() {
		return this.failOn;
	}

	public void setFailOn(FailOn failOn) {
		this.failOn = failOn;
	}

	public boolean isOnly() {
		return this.only;
	}

	public void setOnly(boolean only) {
		this.only = only;
	}

	public Format getFormat() {
		return this.format;
	}

	public void setFormat(Format format) {
		this.format = format;
	}

	public @Nullable Duration getGracePeriod() {
		return this.gracePeriod;
	}

	public void setGracePeriod(@Nullable Duration gracePeriod) {
		this.gracePeriod = gracePeriod;
	}

	/**
	 * Report formats.
	 */
	public enum Format {

		/**
		 * One line per finding, for people.
		 */
		TEXT,

		/**
		 * One JSON object, for pipelines.
		 */
		JSON

	}

}
