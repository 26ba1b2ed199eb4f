package io.serverprofiles.autoconfigure.dev;

import org.springframework.boot.devtools.classpath.ClassPathChangedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Reloads the open pages once a class path change has gone into the running app without a
 * restart: every class a build rewrote swapped in ({@link HotSwap}), or a static file or
 * template changed. Devtools publishes the event once per change, after the restart
 * decision for all its files, so a page never reloads between two swaps of one build. Its
 * own LiveReload server reacts to the same event.
 */
final class ReloadPagesWithoutRestart implements ApplicationListener<ClassPathChangedEvent> {

	private final BrowserReloadEvents events;

	ReloadPagesWithoutRestart(BrowserReloadEvents events) {
		this.events = events;
	}

	@Override
	public void onApplicationEvent(ClassPathChangedEvent event) {
		if (!event.isRestartRequired()) {
			this.events.reload();
		}
	}

}
