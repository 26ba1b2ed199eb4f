package io.serverprofiles.autoconfigure.drain;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Logs how long graceful shutdown took. Its phase is just below the web server's graceful
 * shutdown, so it stops right after that finishes.
 */
class ShutdownClock implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ShutdownClock.class);

	private final AtomicLong drainEnded = new AtomicLong();

	private volatile boolean running;

	void drainEnded() {
		this.drainEnded.set(System.nanoTime());
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		long since = this.drainEnded.get();
		if (since != 0) {
			logger
				.info("server-profiles: graceful shutdown done in " + (System.nanoTime() - since) / 1_000_000 + " ms");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE - 1;
	}

}
