package io.serverprofiles.autoconfigure.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.SmartLifecycle;

/**
 * The pages open in browsers, each connected by a stream of Server-Sent Events that
 * servlet async holds open, so no request thread waits. A page learns which run of the
 * app it talks to when it connects, and reloads itself when a reconnect finds another run
 * (the app restarted) or when {@link #reload()} tells it to. The streams end before the
 * web server stops, so a page reconnects as soon as the next run listens.
 */
final class BrowserReloadEvents implements SmartLifecycle {

	/**
	 * How long a page waits before it reconnects, in milliseconds: a restart takes
	 * longer.
	 */
	static final int RECONNECT_MILLIS = 250;

	private final String run = UUID.randomUUID().toString();

	private final Set<AsyncContext> pages = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	/**
	 * Hold a page's event stream open, having told it this run's id.
	 * @param request the page's request for events
	 * @param response its response
	 * @throws IOException when the page is gone already
	 */
	void connect(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setContentType("text/event-stream");
		response.setHeader("Cache-Control", "no-store");
		AsyncContext page = request.startAsync(request, response);
		page.setTimeout(0);
		page.addListener(new Disconnect());
		this.pages.add(page);
		send(page, "retry: " + RECONNECT_MILLIS + "\nevent: run\ndata: " + this.run + "\n\n");
		if (!this.running) {
			end(page);
		}
	}

	/**
	 * Tell every connected page to reload itself: a change went in without a restart.
	 */
	void reload() {
		this.pages.forEach((page) -> send(page, "event: reload\ndata: " + this.run + "\n\n"));
	}

	/**
	 * How many pages are connected.
	 * @return the number of open event streams
	 */
	int connectedPages() {
		return this.pages.size();
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.pages.forEach(this::end);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void send(AsyncContext page, String event) {
		try {
			synchronized (page) {
				page.getResponse().getOutputStream().write(event.getBytes(StandardCharsets.UTF_8));
				page.getResponse().flushBuffer();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The page is gone (or its stream ended): it reconnects if it is still open.
			end(page);
		}
	}

	private void end(AsyncContext page) {
		if (this.pages.remove(page)) {
			try {
				page.complete();
			}
			catch (IllegalStateException ex) {
				// Completed by the container already.
			}
		}
	}

	/**
	 * Forgets a page whose stream the container ended: the browser went away, or an idle
	 * timeout closed the connection (the page reconnects to the same run, and stays).
	 */
	private final class Disconnect implements AsyncListener {

		@Override
		public void onComplete(AsyncEvent event) {
			BrowserReloadEvents.this.pages.remove(event.getAsyncContext());
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			end(event.getAsyncContext());
		}

		@Override
		public void onError(AsyncEvent event) {
			end(event.getAsyncContext());
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
