package io.serverprofiles.autoconfigure.drain;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * First phase of shutdown. {@link ContextClosedEvent} arrives before any lifecycle bean
 * stops, so the web server and everything behind it still serve while readiness reports
 * REFUSING_TRAFFIC for the drain delay.
 */
class DrainOnShutdown implements ApplicationListener<ContextClosedEvent> {

	private static final Log logger = LogFactory.getLog(DrainOnShutdown.class);

	private final ApplicationContext context;

	private final Duration drainDelay;

	private final ShutdownClock clock;

	DrainOnShutdown(ApplicationContext context, Duration drainDelay, ShutdownClock clock) {
		this.context = context;
		this.drainDelay = drainDelay;
		this.clock = clock;
	}

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		if (event.getApplicationContext() != this.context) {
			return;
		}
		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
		logger.info("server-profiles: shutdown phase 1/2: draining for " + this.drainDelay.toMillis()
				+ " ms (readiness REFUSING_TRAFFIC, still serving)");
		long started = System.nanoTime();
		sleep(this.drainDelay);
		logger.info("server-profiles: drain done in " + Duration.ofNanos(System.nanoTime() - started).toMillis()
				+ " ms; shutdown phase 2/2: graceful shutdown of in-flight requests");
		this.clock.drainEnded();
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
