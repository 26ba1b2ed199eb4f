package io.serverprofiles.autoconfigure.probe;

import java.time.Duration;

import io.serverprofiles.autoconfigure.checks.ChecksProperties;
import io.serverprofiles.autoconfigure.checks.FailOn;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The self-probe of a running deployment, and the whoami trace it reads.
 */
@ConfigurationProperties(ProbeProperties.PREFIX)
public class ProbeProperties {

	/**
	 * The prefix of these settings; {@code --server-profiles.probe=URL} is short for
	 * {@code --server-profiles.probe.url=URL}.
	 */
	public static final String PREFIX = "server-profiles.probe";

	/**
	 * The key of url.
	 */
	public static final String URL = PREFIX + ".url";

	/**
	 * The key of secret.
	 */
	public static final String SECRET = PREFIX + ".secret";

	/**
	 * HTTPS URL of the deployment to probe, e.g. https://shop.example.com; set, the
	 * application runs no server: it probes, prints the report and exits (0 all held, 1
	 * findings at or above fail-on, 2 could not probe).
	 */
	private @Nullable String url;

	/**
	 * Format of the probe's report.
	 */
	private ChecksProperties.Format format = ChecksProperties.Format.TEXT;

	/**
	 * Lowest severity that makes the probe exit 1.
	 */
	private FailOn failOn = FailOn.ERROR;

	/**
	 * Port of the deployment's plain-HTTP listener, whose redirect to HTTPS is probed.
	 */
	private int httpPort = 80;

	/**
	 * Path of an HTML page of the application, for the document headers.
	 */
	private String pagePath = "/";

	/**
	 * Days a certificate must still be valid for; fewer is a finding.
	 */
	private int minCertDays = 14;

	/**
	 * PEM file of the CA certificates the probe trusts instead of the JDK's, for a
	 * staging certificate from a private CA.
	 */
	private @Nullable String trustStore;

	/**
	 * Secret shared by the application and the probe, at least 32 characters (e.g. from
	 * an environment variable). Set, the prod server answers the whoami trace to a
	 * request signed with it; unset, the trace is closed in prod and the probe skips the
	 * forwarded-header checks.
	 */
	private @Nullable String secret;

	/**
	 * Time to wait for a connection or a response.
	 */
	private Duration timeout = Duration.ofSeconds(10);

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public ChecksProperties.Format getFormat() {
		return this.format;
	}

	public void setFormat(ChecksProperties.Format format) {
		this.format = format;
	}

	public FailOn getFailOn() {
		return this.failOn;
	}

	public void setFailOn(FailOn failOn) {
		this.failOn = failOn;
	}

	public int getHttpPort() {
		return this.httpPort;
	}

	public void setHttpPort(int httpPort) {
		this.httpPort = httpPort;
	}

	public String getPagePath() {
		return this.pagePath;
	}

	public void setPagePath(String pagePath) {
		this.pagePath = pagePath;
	}

	public int getMinCertDays() {
		return this.minCertDays;
	}

	public void setMinCertDays(int minCertDays) {
		this.minCertDays = minCertDays;
	}

	public @Nullable String getTrustStore() {
		return this.trustStore;
	}

	public void setTrustStore(@Nullable String trustStore) {
		this.trustStore = trustStore;
	}

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
