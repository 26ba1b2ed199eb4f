package io.serverprofiles.autoconfigure.checks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the prod server runs and stops: devtools, shutdown, consoles, logging, heap.
 */
final class RuntimeChecks {

	private static final List<String> HEAP_FLAGS = List.of("-Xmx", "-XX:MaxRAMPercentage", "-XX:MaxRAM=",
			"-XX:MaxHeapSize");

	private RuntimeChecks() {
	}

	static ProductionCheck devtools() {
		return new DevToolsCheck();
	}

	static ProductionCheck gracefulShutdown() {
		return new SimpleCheck("SP-107", Severity.ERROR,
				(context) -> "immediate".equalsIgnoreCase(context.property("server.shutdown", "graceful"))
						? "Shutdown is immediate: requests in flight fail on every deploy" : null,
				"Remove server.shutdown=immediate (prod's default is graceful)");
	}

	static ProductionCheck h2Console() {
		return new SimpleCheck("SP-109", Severity.ERROR,
				(context) -> Boolean.parseBoolean(context.property("spring.h2.console.enabled", "false"))
						? "The H2 console is enabled: it gives database access over HTTP" : null,
				"Set spring.h2.console.enabled=false");
	}

	static ProductionCheck debugLogging() {
		return new SimpleCheck("SP-110", Severity.WARNING, (context) -> {
			for (String logger : new String[] { "root", "org.springframework", "org.springframework.web" }) {
				String level = context.property("logging.level." + logger, "").toUpperCase(Locale.ROOT);
				if (level.equals("DEBUG") || level.equals("TRACE")) {
					return "Logger " + logger + " logs at " + level + ": slow, and it can write request data";
				}
			}
			boolean debugFlag = Boolean.parseBoolean(context.property("debug", "false"))
					|| Boolean.parseBoolean(context.property("trace", "false"));
			return debugFlag ? "debug or trace mode is on" : null;
		}, "Set logging.level.root and logging.level.org.springframework to INFO or WARN, and remove debug/trace");
	}

	static ProductionCheck containerHeap() {
		return new SimpleCheck("SP-112", Severity.WARNING,
				(context) -> (context.isInContainer() && context.jvmArguments()
					.stream()
					.noneMatch((argument) -> HEAP_FLAGS.stream().anyMatch(argument::startsWith)))
							? "Running in a container with no heap limit (-Xmx or -XX:MaxRAMPercentage)" : null,
				"Start the JVM with -XX:MaxRAMPercentage=75 (as deploy/docker/Dockerfile does) or an explicit -Xmx");
	}

	static ProductionCheck gracePeriod() {
		return new SimpleCheck("SP-113", Severity.ERROR, (context) -> {
			if (context.gracePeriod().isEmpty()) {
				return null;
			}
			Duration grace = context.gracePeriod().get();
			Duration drainDelay = context.prod().effectiveDrainDelay(context.environment());
			Duration shutdown = context.durationProperty("spring.lifecycle.timeout-per-shutdown-phase")
				.orElse(Duration.ofSeconds(30));
			Duration needed = drainDelay.plus(shutdown);
			return (needed.compareTo(grace) < 0) ? null
					: "Drain (" + drainDelay.toSeconds() + "s) + shutdown timeout (" + shutdown.toSeconds() + "s) = "
							+ needed.toSeconds() + "s does not fit the platform's grace period (" + grace.toSeconds()
							+ "s): requests are killed mid-flight";
		}, "Raise the grace period (terminationGracePeriodSeconds, docker stop -t, TimeoutStopSec) and "
				+ "server-profiles.checks.grace-period, or lower server-profiles.prod.drain-delay / shutdown-timeout");
	}

}
