package io.serverprofiles.autoconfigure.limits;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.Constants;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.jspecify.annotations.Nullable;

/**
 * Tomcat's NIO protocol with a deadline on the request line and headers: a connection
 * still sending them {@code headerReadTimeout} after their first byte is closed. Tomcat's
 * {@code connectionTimeout} only bounds the pause between two reads, so a client
 * trickling one byte at a time would otherwise hold a connection for hours.
 */
public class HeaderReadDeadlineProtocol extends Http11NioProtocol {

	private Duration headerReadTimeout = Duration.ZERO;

	private @Nullable ScheduledFuture<?> sweep;

	/**
	 * Set the longest time from the first byte of a request to the end of its headers;
	 * zero or negative for no deadline.
	 * @param headerReadTimeout the deadline
	 */
	public void setHeaderReadTimeout(Duration headerReadTimeout) {
		this.headerReadTimeout = headerReadTimeout;
	}

	@Override
	public void start() throws Exception {
		super.start();
		if (this.headerReadTimeout.compareTo(Duration.ZERO) > 0) {
			long period = HeaderReadDeadlines.sweepPeriod(this.headerReadTimeout).toMillis();
			this.sweep = getUtilityExecutor().scheduleWithFixedDelay(this::closeSlowHeaders, period, period,
					TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() throws Exception {
		if (this.sweep != null) {
			this.sweep.cancel(false);
		}
		super.stop();
	}

	private void closeSlowHeaders() {
		long now = System.nanoTime();
		int closed = 0;
		for (SocketWrapperBase<NioChannel> connection : getEndpoint().getConnections()) {
			if (connection.getError() == null && connection.getCurrentProcessor() instanceof AbstractProcessor processor
					&& isReadingHeadersPastDeadline(processor, now)) {
				// What Tomcat's poller does when a read times out: the processor is
				// released and the socket closed on a worker thread.
				connection.setError(new SocketTimeoutException("Request headers not received in time"));
				if (!getEndpoint().processSocket(connection, SocketEvent.ERROR, true)) {
					connection.close();
				}
				closed++;
			}
		}
		HeaderReadDeadlines.logClosed(closed, this.headerReadTimeout);
	}

	/**
	 * A connection keeps its processor between two reads of a partly received request
	 * line and headers (stage PARSE while a worker reads, ENDED while it waits); the
	 * start time is taken at the first byte of the request line. Async and upgraded
	 * requests keep their processor too, and a committed response means the headers were
	 * read long ago.
	 */
	private boolean isReadingHeadersPastDeadline(AbstractProcessor processor, long now) {
		Request request = processor.getRequest();
		int stage = request.getRequestProcessor().getStage();
		long started = request.getStartTimeNanos();
		return (stage == Constants.STAGE_PARSE || stage == Constants.STAGE_ENDED) && !processor.isAsync()
				&& !processor.isUpgrade() && !request.getResponse().isCommitted() && started != -1
				&& now - started > this.headerReadTimeout.toNanos();
	}

}
