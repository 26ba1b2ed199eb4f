package io.serverprofiles.autoconfigure.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.serverprofiles.autoconfigure.prod.ProdServerProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * The server settings that matter, read from the effective configuration and written the
 * way a user would write them in application.properties ("10s", "10MB").
 */
final class EffectiveSettings {

	private final Environment environment;

	private final Binder binder;

	EffectiveSettings(Environment environment) {
		this.environment = environment;
		this.binder = Binder.get(environment);
	}

	Map<String, Object> server(String container, int port) {
		Map<String, Object> server = new LinkedHashMap<>();
		server.put("container", container);
		server.put("address", this.environment.getProperty("server.address", "(all interfaces)"));
		server.put("port", port);
		server.put("compression", this.environment.getProperty("server.compression.enabled", Boolean.class, false));
		server.put("maxHeaderSize", size("server.max-http-request-header-size"));
		server.put("maxRequestSize", size("spring.servlet.multipart.max-request-size"));
		String formSize = "tomcat".equals(container) ? "server.tomcat.max-http-form-post-size"
				: "server.jetty.max-http-form-post-size";
		server.put("maxFormSize", size(formSize));
		server.put("connectionTimeout", duration("server.tomcat.connection-timeout"));
		server.put("keepAliveTimeout", duration("tomcat".equals(container) ? "server.tomcat.keep-alive-timeout"
				: "server.jetty.connection-idle-timeout"));
		return server;
	}

	Map<String, Object> forwarded() {
		Map<String, Object> forwarded = new LinkedHashMap<>();
		forwarded.put("containerStrategy",
				this.environment.getProperty("server.forward-headers-strategy", "(default)"));
		ProdServerProperties prod = ProdServerProperties.bind(this.environment);
		forwarded.put("trustedProxies", prod.getTrustedProxies());
		forwarded.put("allowedHosts", prod.getAllowedHosts());
		return forwarded;
	}

	Map<String, Object> shutdown() {
		Map<String, Object> shutdown = new LinkedHashMap<>();
		shutdown.put("mode", this.environment.getProperty("server.shutdown", "graceful"));
		shutdown.put("drainDelay",
				format(ProdServerProperties.bind(this.environment).effectiveDrainDelay(this.environment)));
		shutdown.put("timeout", duration("spring.lifecycle.timeout-per-shutdown-phase"));
		return shutdown;
	}

	private String duration(String name) {
		return this.binder.bind(name, Duration.class).map(EffectiveSettings::format).orElse("(container default)");
	}

	private String size(String name) {
		return this.binder.bind(name, DataSize.class).map(EffectiveSettings::format).orElse("(container default)");
	}

	static String format(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	static String format(DataSize size) {
		long bytes = size.toBytes();
		if (bytes > 0 && bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + "MB";
		}
		return (bytes > 0 && bytes % 1024 == 0) ? (bytes / 1024) + "KB" : bytes + "B";
	}

}
