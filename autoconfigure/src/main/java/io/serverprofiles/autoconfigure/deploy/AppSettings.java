package io.serverprofiles.autoconfigure.deploy;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.serverprofiles.autoconfigure.prod.ProdServerProperties;

import org.springframework.boot.cloud.CloudPlatform;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * What the application itself says about how it must be served: its name, port, limits,
 * timeouts and how long it takes to stop. Read from the effective environment, so
 * application.properties, application-prod.properties, the command line and the mode
 * defaults all count, exactly as they do when the application runs.
 *
 * @param name spring.application.name
 * @param port server.port
 * @param managementPort management.server.port, or the next port when unset: every bundle
 * puts the actuator and liveness there
 * @param contextPath server.servlet.context-path, empty at the root
 * @param managementBasePath management.server.base-path, empty at the management port's
 * root
 * @param actuatorBasePath management.endpoints.web.base-path
 * @param prod the prod server's limits and timeouts
 * @param drainDelay the drain delay outside Kubernetes
 * @param kubernetesDrainDelay the drain delay on Kubernetes
 * @param requestThreads the most request threads (Tomcat's or Jetty's)
 * @param version spring.application.version (the jar's Implementation-Version), or
 * {@code null} when unknown
 */
record AppSettings(String name, int port, int managementPort, String contextPath, String managementBasePath,
		String actuatorBasePath, ProdServerProperties prod, Duration drainDelay, Duration kubernetesDrainDelay,
		int requestThreads, @Nullable String version) {

	/**
	 * Spring Boot's default for Tomcat's and Jetty's request threads.
	 */
	static final int DEFAULT_REQUEST_THREADS = 200;

	/**
	 * Time a stop may take beyond drain and graceful shutdown: the JVM's own exit.
	 */
	static final Duration STOP_MARGIN = Duration.ofSeconds(5);

	static AppSettings from(Environment environment, ProdServerProperties prod) {
		int port = environment.getProperty("server.port", Integer.class, 8080);
		if (port <= 0) {
			throw new InvalidConfigurationPropertyValueException("server.port", port,
					"The deploy bundle needs the fixed port the application listens on in production; "
							+ "set server.port (for example --server.port=8080) when exporting");
		}
		int managementPort = environment.getProperty("management.server.port", Integer.class, port + 1);
		if (managementPort <= 0 || managementPort == port) {
			throw new InvalidConfigurationPropertyValueException("management.server.port", managementPort,
					"The deploy bundle serves the actuator and liveness on a fixed port of their own; "
							+ "set management.server.port to a port other than server.port, "
							+ "or leave it unset for server.port + 1");
		}
		return new AppSettings(environment.getProperty("spring.application.name", "app"), port, managementPort,
				environment.getProperty("server.servlet.context-path", ""),
				environment.getProperty("management.server.base-path", ""),
				environment.getProperty("management.endpoints.web.base-path", "/actuator"), prod,
				prod.effectiveDrainDelay((CloudPlatform) null), prod.effectiveDrainDelay(CloudPlatform.KUBERNETES),
				Math.max(environment.getProperty("server.tomcat.threads.max", Integer.class, DEFAULT_REQUEST_THREADS),
						environment.getProperty("server.jetty.threads.max", Integer.class, DEFAULT_REQUEST_THREADS)),
				environment.getProperty("spring.application.version"));
	}

	/**
	 * Longest time a stop takes on a host or in a container: drain, graceful shutdown and
	 * a margin. systemd and compose must wait at least this long.
	 * @return the stop time
	 */
	Duration stopTime() {
		return this.drainDelay.plus(this.prod.getShutdownTimeout()).plus(STOP_MARGIN);
	}

	/**
	 * The same on Kubernetes, where the drain delay defaults to a few seconds.
	 * @return the termination grace period
	 */
	Duration kubernetesStopTime() {
		return this.kubernetesDrainDelay.plus(this.prod.getShutdownTimeout()).plus(STOP_MARGIN);
	}

}
