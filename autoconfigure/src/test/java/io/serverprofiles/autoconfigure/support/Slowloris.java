package io.serverprofiles.autoconfigure.support;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded slowloris: keeps a fixed number of connections to 127.0.0.1 open, each
 * sending a request line and then one more header byte per tick, never ending its
 * headers. A connection the server closes is replaced, as a real attack would do, up to
 * ten times the connection count in all, so that the client stays bounded.
 */
public final class Slowloris implements AutoCloseable {

	private final int port;

	private final List<RawConnection> connections = new ArrayList<>();

	private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();

	private final AtomicInteger opened = new AtomicInteger();

	private final AtomicInteger closedByServer = new AtomicInteger();

	private final int maxOpened;

	private Slowloris(int port, int connections) {
		this.port = port;
		this.maxOpened = connections * 10;
	}

	/**
	 * Open the connections and start trickling.
	 * @param port the server port
	 * @param connections how many connections to hold
	 * @param tick the pause between two header bytes on a connection
	 * @return the running slowloris
	 */
	public static Slowloris start(int port, int connections, Duration tick) {
		Slowloris slowloris = new Slowloris(port, connections);
		synchronized (slowloris.connections) {
			for (int i = 0; i < connections; i++) {
				slowloris.connections.add(slowloris.openOne());
			}
		}
		slowloris.trickler.scheduleWithFixedDelay(slowloris::trickle, tick.toMillis(), tick.toMillis(),
				TimeUnit.MILLISECONDS);
		return slowloris;
	}

	/**
	 * How many connections the server has closed so far.
	 * @return the count
	 */
	public int closedByServer() {
		return this.closedByServer.get();
	}

	private RawConnection openOne() {
		if (this.opened.incrementAndGet() > this.maxOpened) {
			return null;
		}
		try {
			RawConnection connection = RawConnection.open(this.port);
			connection.write("GET /livez HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
			return connection;
		}
		catch (UncheckedIOException ex) {
			return null;
		}
	}

	private void trickle() {
		synchronized (this.connections) {
			for (int i = 0; i < this.connections.size(); i++) {
				RawConnection connection = this.connections.get(i);
				if (connection != null
						&& (!connection.write("x") || connection.awaitClosedByServer(Duration.ofMillis(1)))) {
					this.closedByServer.incrementAndGet();
					connection.close();
					this.connections.set(i, openOne());
				}
			}
		}
	}

	@Override
	public void close() {
		this.trickler.shutdownNow();
		synchronized (this.connections) {
			this.connections.stream().filter(Objects::nonNull).forEach(RawConnection::close);
		}
	}

}
