package io.serverprofiles.autoconfigure.dev;

import io.serverprofiles.autoconfigure.mode.DevToolsRestart;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Logs one block when the dev server is ready: where the app and actuator answer, how it
 * reloads, whether LiveReload runs or pages reload themselves, and how to switch to the
 * prod server.
 */
class DevServerStartupReport implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(DevServerStartupReport.class);

	private final DevServerProperties properties;

	DevServerStartupReport(DevServerProperties properties) {
		this.properties = properties;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext context) {
			WebServer webServer = context.getWebServer();
			// A war in an external container has no embedded web server, so no port.
			if (webServer != null) {
				logger.info(render(context.getEnvironment(), this.properties, webServer.getPort(),
						DevToolsRestart.isActive()));
			}
		}
	}

	static String render(Environment environment, DevServerProperties properties, int port, boolean restarterRunning) {
		String host = host(environment.getProperty("server.address"));
		String contextPath = environment.getProperty("server.servlet.context-path", "");
		int managementPort = environment.getProperty("management.server.port", Integer.class, port);
		String actuatorPath = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		String actuatorContext = (managementPort != port) ? "" : contextPath;
		return String.join(System.lineSeparator(), "server-profiles: dev server ready",
				"  app         http://" + host + ":" + port + contextPath + "/",
				"  actuator    http://" + host + ":" + managementPort + actuatorContext + actuatorPath,
				"  reload      " + reload(environment, properties, restarterRunning),
				"  livereload  " + liveReload(environment, properties, host),
				"  prod mode   restart with --server-profiles.mode=prod (or SERVER_PROFILES_MODE=prod)");
	}

	private static String reload(Environment environment, DevServerProperties properties, boolean restarterRunning) {
		if (!DevToolsRestart.isOnClasspath()) {
			return "off (spring-boot-devtools is not on the class path)";
		}
		if (!environment.getProperty("spring.devtools.restart.enabled", Boolean.class, true)) {
			return "off (spring.devtools.restart.enabled=false)";
		}
		if (!restarterRunning) {
			return "off (devtools does not restart a packaged application)";
		}
		return properties.isHotSwap() ? "restart on class changes; " + HotSwapAgent.status()
				: "restart on class changes";
	}

	private static String liveReload(Environment environment, DevServerProperties properties, String host) {
		if (environment.getProperty("spring.devtools.livereload.enabled", Boolean.class, false)) {
			return "http://" + host + ":" + environment.getProperty("spring.devtools.livereload.port", "35729");
		}
		if (!properties.isBrowserReload()) {
			return "off (deprecated in Spring Boot 4.1), and so is browser reload "
					+ "(server-profiles.dev.browser-reload=false): refresh the browser after a restart";
		}
		return "off (deprecated in Spring Boot 4.1); pages reload themselves after a restart or a hot swap";
	}

	private static String host(@Nullable String address) {
		if (address == null || address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address)) {
			return "localhost";
		}
		return address.contains(":") ? "[" + address + "]" : address;
	}

}
