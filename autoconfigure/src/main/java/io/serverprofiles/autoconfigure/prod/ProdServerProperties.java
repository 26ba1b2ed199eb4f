package io.serverprofiles.autoconfigure.prod;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the prod server. Each one feeds the matching Spring Boot properties of both
 * Tomcat and Jetty, so one value configures the server, multipart handling and (later)
 * the rendered deploy files.
 */
@ConfigurationProperties("server-profiles.prod")
public class ProdServerProperties {

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

}
