package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * A deadline on the request line and headers for Jetty: a new connection must send them
 * within the timeout of opening, and a kept-alive one within the timeout of the first
 * byte of its next request. Jetty's idle timeout only bounds the pause between two reads,
 * so a client trickling one byte at a time would otherwise hold a connection for hours.
 * Connections are watched through {@link #connectionListener()}; this handler tells when
 * a request is being served.
 */
class JettyHeaderReadDeadline extends Handler.Wrapper {

	private final Duration timeout;

	private final Map<Connection, HeaderClock> clocks = new ConcurrentHashMap<>();

	private final Connection.Listener connectionListener = new Connection.Listener() {

		@Override
		public void onOpened(Connection connection) {
			JettyHeaderReadDeadline.this.clocks.put(connection, new HeaderClock(System.nanoTime()));
		}

		@Override
		public void onClosed(Connection connection) {
			JettyHeaderReadDeadline.this.clocks.remove(connection);
		}

	};

	private volatile Scheduler.@Nullable Task sweep;

	JettyHeaderReadDeadline(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * The listener to add to every HTTP/1.1 connection factory, so that this deadline
	 * sees every connection, including those that never complete a request.
	 * @return the connection listener
	 */
	Connection.Listener connectionListener() {
		return this.connectionListener;
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		Connection connection = request.getConnectionMetaData().getConnection();
		HeaderClock clock = this.clocks.get(connection);
		if (clock == null) {
			return super.handle(request, response, callback);
		}
		clock.requestStarted();
		AtomicBoolean ended = new AtomicBoolean();
		Runnable end = () -> {
			if (ended.compareAndSet(false, true)) {
				clock.requestEnded(connection.getBytesIn());
			}
		};
		try {
			boolean handled = super.handle(request, response, Callback.from(end, callback));
			if (!handled) {
				end.run();
			}
			return handled;
		}
		catch (Exception | Error ex) {
			end.run();
			throw ex;
		}
	}

	@Override
	protected void doStart() throws Exception {
		super.doStart();
		scheduleSweep();
	}

	@Override
	protected void doStop() throws Exception {
		Scheduler.Task task = this.sweep;
		if (task != null) {
			task.cancel();
		}
		super.doStop();
	}

	private void scheduleSweep() {
		if (isRunning()) {
			this.sweep = getServer().getScheduler()
				.schedule(this::closeSlowHeaders, HeaderReadDeadlines.sweepPeriod(this.timeout));
		}
	}

	private void closeSlowHeaders() {
		try {
			long now = System.nanoTime();
			int closed = 0;
			for (Map.Entry<Connection, HeaderClock> entry : this.clocks.entrySet()) {
				Connection connection = entry.getKey();
				if (entry.getValue().isPastDeadline(connection.getBytesIn(), now, this.timeout.toNanos())) {
					connection.getEndPoint().close();
					closed++;
				}
			}
			HeaderReadDeadlines.logClosed(closed, this.timeout);
		}
		finally {
			scheduleSweep();
		}
	}

}
