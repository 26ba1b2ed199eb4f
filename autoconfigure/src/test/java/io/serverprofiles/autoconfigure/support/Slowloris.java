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

import io.serverprofiles.test.RawHttp;

/**
 * A bounded slowloris: keeps a fixed number of connections to 127.0.0.1 open, each
 * sending a request line and then one more header byte per tick, never ending its
 * headers; or, as {@link #startBodies slow bodies}, complete headers and then one more
 * body byte per tick. A connection the server closes is replaced, as a real attack would
 * do, up to ten times the connection count in all, so that the client stays bounded.
 */
public final class Slowloris implements AutoCloseable {

	private final int port;

	private final List<RawHttp.Connection> connections = new ArrayList<>();

	private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();

	private final AtomicInteger opened = new AtomicInteger();

	private final AtomicInteger closedByServer = new AtomicInteger();

	private final int maxOpened;

	private final String start;

	private Slowloris(int port, int connections, String start) {
		this.port = port;
		this.maxOpened = connections * 10;
		this.start = start;
	}

	/**
	 * Open the connections and start trickling.
	 * @param port the server port
	 * @param connections how many connections to hold
	 * @param tick the pause between two header bytes on a connection
	 * @return the running slowloris
	 */
	public static Slowloris start(int port, int connections, Duration tick) {
		return start(new Slowloris(port, connections, "GET /livez HTTP/1.1\r\nHost: localhost\r\nX-Slow: "),
				connections, tick);
	}

	/**
	 * Open the connections, send each a request's headers that announce a large JSON
	 * body, and start trickling the body.
	 * @param port the server port
	 * @param connections how many connections to hold
	 * @param tick the pause between two body bytes on a connection
	 * @param path the path to post to
	 * @return the running slow bodies
	 */
	public static Slowloris startBodies(int port, int connections, Duration tick, String path) {
		return start(
				new Slowloris(port, connections,
						"POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
								+ "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n"),
				connections, tick);
	}

	private static Slowloris start(Slowloris slowloris, int connections, Duration tick) {
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

	private RawHttp.Connection openOne() {
		if (this.opened.incrementAndGet() > this.maxOpened) {
			return null;
		}
		try {
			RawHttp.Connection connection = RawHttp.to(this.port).open();
			connection.write(this.start);
			return connection;
		}
		catch (UncheckedIOException ex) {
			return null;
		}
	}

	private void trickle() {
		synchronized (this.connections) {
			for (int i = 0; i < this.connections.size(); i++) {
				RawHttp.Connection connection = this.connections.get(i);
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
			this.connections.stream().filter(Objects::nonNull).forEach(RawHttp.Connection::close);
		}
	}

}
