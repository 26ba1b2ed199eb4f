package io.serverprofiles.autoconfigure.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the prod server tells strangers: error details, actuator endpoints, health
 * details.
 */
final class ExposureChecks {

	static final String EXPOSURE = "management.endpoints.web.exposure.include";

	private static final Set<String> SENSITIVE_ENDPOINTS = Set.of("env", "configprops", "beans", "heapdump",
			"threaddump", "loggers", "mappings", "shutdown", "conditions", "scheduledtasks", "httpexchanges",
			"auditevents", "sessions", "startup", "caches", "flyway", "liquibase", "quartz", "integrationgraph",
			"logfile", "sbom");

	/**
	 * Boot's web security, which spring-boot-starter-security brings and which secures
	 * every endpoint unless the application says otherwise. Spring Security's own API on
	 * the classpath is not enough: server-profiles compiles against it.
	 */
	private static final String SPRING_SECURITY = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration";

	private ExposureChecks() {
	}

	static ProductionCheck errorDetails() {
		return new SimpleCheck("SP-102", Severity.ERROR, (context) -> {
			List<String> shown = new ArrayList<>();
			for (String part : new String[] { "stacktrace", "message" }) {
				String value = context.property("spring.web.error.include-" + part, "never").toLowerCase(Locale.ROOT);
				if (!value.equals("never")) {
					shown.add("spring.web.error.include-" + part + "=" + value);
				}
			}
			if (Boolean.parseBoolean(context.property("spring.web.error.include-exception", "false"))) {
				shown.add("spring.web.error.include-exception=true");
			}
			return shown.isEmpty() ? null
					: "Error responses can show server internals (" + String.join(", ", shown) + ")";
		}, "Remove these properties or set spring.web.error.include-stacktrace=never, include-message=never, "
				+ "include-exception=false");
	}

	static ProductionCheck sensitiveEndpoints() {
		return new SimpleCheck("SP-103", Severity.ERROR, (context) -> {
			if (context.isPresent(SPRING_SECURITY)) {
				return null;
			}
			List<String> exposed = exposedEndpoints(context).stream().filter(SENSITIVE_ENDPOINTS::contains).toList();
			return exposed.isEmpty() ? null
					: "Sensitive actuator endpoints are exposed over HTTP without Spring Security: "
							+ String.join(", ", exposed);
		}, "Expose only health,info,prometheus in " + EXPOSURE + ", or secure the endpoints with Spring Security");
	}

	static ProductionCheck healthDetails() {
		return new SimpleCheck("SP-104", Severity.WARNING,
				(context) -> "always".equalsIgnoreCase(context.property("management.endpoint.health.show-details", ""))
						? "Health details (versions, disk, connection pools) are shown to everyone" : null,
				"Set management.endpoint.health.show-details=never, or when-authorized with Spring Security");
	}

	static ProductionCheck serverProfileEndpoint() {
		return new SimpleCheck("SP-114", Severity.INFO, (context) -> exposedEndpoints(context).contains("serverprofile")
				? "The serverprofile endpoint is exposed over HTTP: it shows limits, proxies and check results" : null,
				"Keep it behind authentication, or remove serverprofile from " + EXPOSURE);
	}

	/**
	 * Endpoint ids exposed over HTTP; {@code *} stands for every sensitive one.
	 */
	static List<String> exposedEndpoints(CheckContext context) {
		List<String> include = context.listProperty(EXPOSURE).orElse(List.of("health"));
		List<String> exclude = context.listProperty("management.endpoints.web.exposure.exclude").orElse(List.of());
		List<String> exposed = new ArrayList<>();
		for (String id : include) {
			if (id.trim().equals("*")) {
				exposed.addAll(SENSITIVE_ENDPOINTS.stream().sorted().toList());
				exposed.add("serverprofile");
			}
			else {
				exposed.add(id.trim().toLowerCase(Locale.ROOT));
			}
		}
		exposed.removeIf(exclude::contains);
		return exposed;
	}

}
