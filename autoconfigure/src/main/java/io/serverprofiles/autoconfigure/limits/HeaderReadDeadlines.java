package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What Tomcat's and Jetty's header read deadlines share: how often they look for slow
 * connections, and the one line logged for those they close.
 */
final class HeaderReadDeadlines {

	private static final Log logger = LogFactory.getLog(HeaderReadDeadlines.class);

	private static final Duration MIN_PERIOD = Duration.ofMillis(50);

	private static final Duration MAX_PERIOD = Duration.ofSeconds(1);

	private HeaderReadDeadlines() {
	}

	/**
	 * A quarter of the deadline, between 50ms and 1s: a connection is closed at most that
	 * much after its deadline.
	 * @param deadline the deadline
	 * @return the period between two looks
	 */
	static Duration sweepPeriod(Duration deadline) {
		Duration quarter = deadline.dividedBy(4);
		return (quarter.compareTo(MIN_PERIOD) < 0) ? MIN_PERIOD
				: (quarter.compareTo(MAX_PERIOD) > 0) ? MAX_PERIOD : quarter;
	}

	/**
	 * Log, in one line per look rather than one per connection, the connections closed
	 * for sending their headers too slowly: a slowloris must not flood the log either.
	 * @param closed how many connections were closed
	 * @param deadline the deadline they missed
	 */
	static void logClosed(int closed, Duration deadline) {
		if (closed > 0 && logger.isInfoEnabled()) {
			logger.info("Closed " + closed + " connection(s) that did not send a request line and headers within "
					+ "server-profiles.prod.connection-timeout (" + deadline.toMillis() + "ms)");
		}
	}

}
