package io.serverprofiles.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.serverprofiles.autoconfigure.checks.ProductionChecks;
import io.serverprofiles.autoconfigure.headers.SecurityHeaders;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * {@code /actuator/serverprofile}: the mode and why, the server settings that matter, and
 * the readiness check results. Exposed by default in dev only.
 */
@Endpoint(id = "serverprofile")
public class ServerProfileEndpoint {

	private final ServerMode mode;

	private final ApplicationContext context;

	private final ObjectProvider<ProductionChecks> checks;

	public ServerProfileEndpoint(ServerMode mode, ApplicationContext context, ObjectProvider<ProductionChecks> checks) {
		this.mode = mode;
		this.context = context;
		this.checks = checks;
	}

	@ReadOperation
	public Map<String, Object> serverProfile() {
		EffectiveSettings settings = new EffectiveSettings(this.context.getEnvironment());
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("mode", this.mode.getMode().profile());
		profile.put("reason", this.mode.getReason());
		WebServer webServer = (this.context instanceof WebServerApplicationContext web) ? web.getWebServer() : null;
		profile.put("server", settings.server(container(webServer), (webServer != null) ? webServer.getPort() : -1));
		profile.put("forwarded", settings.forwarded());
		profile.put("securityHeaders", this.context.getBeanProvider(SecurityHeaders.class).getIfAvailable() != null);
		profile.put("shutdown", settings.shutdown());
		ProductionChecks productionChecks = this.checks.getIfAvailable();
		profile.put("checks", (productionChecks != null) ? productionChecks.run().toMap()
				: Map.of("evaluated", false, "reason", "production checks apply to the prod server"));
		return profile;
	}

	private static String container(@Nullable WebServer webServer) {
		if (webServer == null) {
			return "none";
		}
		String name = webServer.getClass().getSimpleName().toLowerCase(Locale.ROOT);
		return name.contains("tomcat") ? "tomcat" : name.contains("jetty") ? "jetty" : name;
	}

}
