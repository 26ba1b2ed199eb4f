package io.serverprofiles.autoconfigure.mode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.core.Ordered;

/**
 * Keeps devtools' restarter off in a packaged application, whatever its packaging left
 * in: Gradle's {@code bootJar} keeps a devtools that arrives through a dependency, and
 * the extracted layout and Jib's flat classpath run on the application class loader,
 * which devtools takes for a development run. It runs before devtools' own listener sees
 * {@code ApplicationStartingEvent}; {@code -Dspring.devtools.restart.enabled} still has
 * the last word, as devtools documents.
 */
class DevToolsOffWhenPackaged implements SpringApplicationRunListener, Ordered {

	private static final String RESTART_ENABLED = "spring.devtools.restart.enabled";

	private final SpringApplication application;

	DevToolsOffWhenPackaged(SpringApplication application) {
		this.application = application;
	}

	@Override
	public int getOrder() {
		// Before EventPublishingRunListener (order 0) publishes ApplicationStartingEvent.
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void starting(ConfigurableBootstrapContext bootstrapContext) {
		if (System.getProperty(RESTART_ENABLED) == null
				&& !ApplicationLaunch.current(this.application.getMainApplicationClass()).isDevelopmentRun()) {
			DevToolsRestart.disableIfPresent();
		}
	}

}
