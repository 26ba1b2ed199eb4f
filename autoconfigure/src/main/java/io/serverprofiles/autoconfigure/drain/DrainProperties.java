package io.serverprofiles.autoconfigure.drain;

import java.time.Duration;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;

/**
 * How long the prod server keeps serving after shutdown begins, so that load balancers
 * and Kubernetes endpoints stop sending traffic before connections close.
 */
@ConfigurationProperties("server-profiles.prod")
public class DrainProperties {

	/**
	 * Default drain delay on Kubernetes, where endpoint removal takes a few seconds to
	 * reach every proxy.
	 */
	static final Duration KUBERNETES_DRAIN_DELAY = Duration.ofSeconds(5);

	/**
	 * Time between readiness turning to REFUSING_TRAFFIC and graceful shutdown, during
	 * which requests are still served. Unset: 5s when running on Kubernetes, otherwise 0.
	 */
	private Duration drainDelay;

	public Duration getDrainDelay() {
		return this.drainDelay;
	}

	public void setDrainDelay(Duration drainDelay) {
		this.drainDelay = drainDelay;
	}

	/**
	 * The drain delay to use: the configured one, or the platform's default.
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
	public Duration effectiveDrainDelay(CloudPlatform platform) {
		if (this.drainDelay != null) {
			return this.drainDelay.isNegative() ? Duration.ZERO : this.drainDelay;
		}
		return (platform == CloudPlatform.KUBERNETES) ? KUBERNETES_DRAIN_DELAY : Duration.ZERO;
	}

}
