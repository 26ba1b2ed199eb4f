package io.serverprofiles.autoconfigure.prod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the prod server, the one class bound to {@value #PREFIX}. Each limit and
 * timeout feeds the matching Spring Boot properties of both Tomcat and Jetty, so one
 * value configures the server, multipart handling and the rendered deploy files. Request
 * limits and security headers have their own prefixes ({@code .limits},
 * {@code .headers}).
 */
@ConfigurationProperties(ProdServerProperties.PREFIX)
public class ProdServerProperties {

	/**
	 * The prefix of every prod server setting.
	 */
	public static final String PREFIX = "server-profiles.prod";

	/**
	 * The key of trusted-proxies.
	 */
	public static final String TRUSTED_PROXIES = PREFIX + ".trusted-proxies";

	/**
	 * The key of allowed-hosts.
	 */
	public static final String ALLOWED_HOSTS = PREFIX + ".allowed-hosts";

	/**
	 * Loopback and the private ranges, like Tomcat's own default.
	 */
	public static final List<String> DEFAULT_TRUSTED_PROXIES = List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8",
			"172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "fc00::/7", "fe80::/10");

	/**
	 * Default drain delay on Kubernetes, where endpoint removal takes a few seconds to
	 * reach every proxy.
	 */
	static final Duration KUBERNETES_DRAIN_DELAY = Duration.ofSeconds(5);

	/**
	 * Longest time graceful shutdown waits for in-flight requests to finish.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(30);

	/**
	 * Largest accepted multipart request and uploaded file.
	 */
	private DataSize maxRequestSize = DataSize.ofMegabytes(10);

	/**
	 * Largest accepted URL-encoded form body.
	 */
	private DataSize maxFormSize = DataSize.ofMegabytes(1);

	/**
	 * Time a new connection may take to send its request line and headers.
	 */
	private Duration connectionTimeout = Duration.ofSeconds(10);

	/**
	 * Time an idle keep-alive connection stays open between requests. Keep it longer than
	 * the proxy's upstream keep-alive timeout.
	 */
	private Duration keepAliveTimeout = Duration.ofSeconds(20);

	/**
	 * Time between readiness turning to REFUSING_TRAFFIC and graceful shutdown, during
	 * which requests are still served. Unset: 5s when running on Kubernetes, otherwise 0.
	 */
	private @Nullable Duration drainDelay;

	/**
	 * Comma-separated list of CIDR ranges (IPv4 or IPv6) whose X-Forwarded-* and
	 * Forwarded headers are honoured. Defaults to loopback and the private ranges, like
	 * Tomcat's own default.
	 */
	private List<String> trustedProxies = new ArrayList<>(DEFAULT_TRUSTED_PROXIES);

	/**
	 * Comma-separated list of hosts the prod server answers for: names (app.example.com),
	 * domains with a leading dot (.example.com: example.com and all its subdomains) and
	 * IP addresses (10.0.0.5, ::1). Requests for another host get a 400. Empty allows
	 * every host.
	 */
	private List<String> allowedHosts = new ArrayList<>();

	/**
	 * The settings bound from an environment, for code that runs before the beans exist
	 * (environment post-processors, checks) or outside them.
	 * @param environment the environment
	 * @return the settings, with defaults for what is unset
	 */
	public static ProdServerProperties bind(Environment environment) {
		return Binder.get(environment).bindOrCreate(PREFIX, ProdServerProperties.class);
	}

	/**
	 * The drain delay the application will use in this environment: the configured one,
	 * or the platform's default.
	 * @param environment the environment, to detect Kubernetes
	 * @return the delay, never negative
	 */
	public Duration effectiveDrainDelay(Environment environment) {
		return effectiveDrainDelay(CloudPlatform.getActive(environment));
	}

	/**
	 * The drain delay the application will use on the given platform: the configured one,
	 * or that platform's default. The deploy bundle uses it to size grace periods.
	 * @param platform the platform, or {@code null} for none
	 * @return the delay, never negative
	 */
	public Duration effectiveDrainDelay(@Nullable CloudPlatform platform) {
		if (this.drainDelay != null) {
			return this.drainDelay.isNegative() ? Duration.ZERO : this.drainDelay;
		}
		return (platform == CloudPlatform.KUBERNETES) ? KUBERNETES_DRAIN_DELAY : Duration.ZERO;
	}

	/**
	 * Whether the trusted proxies are still the default, every private range.
	 * @return whether trusted-proxies is the default list
	 */
	public boolean trustsDefaultProxies() {
		return DEFAULT_TRUSTED_PROXIES.equals(this.trustedProxies);
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public DataSize getMaxRequestSize() {
		return this.maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	public DataSize getMaxFormSize() {
		return this.maxFormSize;
	}

	public void setMaxFormSize(DataSize maxFormSize) {
		this.maxFormSize = maxFormSize;
	}

	public Duration getConnectionTimeout() {
		return this.connectionTimeout;
	}

	public void setConnectionTimeout(Duration connectionTimeout) {
		this.connectionTimeout = connectionTimeout;
	}

	public Duration getKeepAliveTimeout() {
		return this.keepAliveTimeout;
	}

	public void setKeepAliveTimeout(Duration keepAliveTimeout) {
		this.keepAliveTimeout = keepAliveTimeout;
	}

	public @Nullable Duration getDrainDelay() {
		return this.drainDelay;
	}

	public void setDrainDelay(@Nullable Duration drainDelay) {
		this.drainDelay = drainDelay;
	}

	public List<String> getTrustedProxies() {
		return this.trustedProxies;
	}

	public void setTrustedProxies(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	public List<String> getAllowedHosts() {
		return this.allowedHosts;
	}

	public void setAllowedHosts(List<String> allowedHosts) {
		this.allowedHosts = allowedHosts;
	}

}
