package io.serverprofiles.autoconfigure.accesslog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes the one access-log line of a request: client, method, path, status, body bytes,
 * duration and id, also as key-value pairs, which Boot's structured logging writes as
 * JSON fields. Successful probes are logged at DEBUG unless asked for.
 */
final class AccessLogLine {

	private static final Logger logger = LoggerFactory.getLogger(AccessLogFilter.LOGGER_NAME);

	private final boolean includeProbes;

	AccessLogLine(boolean includeProbes) {
		this.includeProbes = includeProbes;
	}

	void log(AccessLogFilter.Seen seen, String method, String path, int status, long bytes, long nanos) {
		// A probe answered as expected is routine; one that fails, or was
		// refused, is not.
		Level level = (this.includeProbes || !seen.probe() || status >= 400) ? Level.INFO : Level.DEBUG;
		if (!logger.isEnabledForLevel(level)) {
			return;
		}
		logger.atLevel(level)
			.addKeyValue("client.ip", seen.client())
			.addKeyValue("http.request.method", method)
			.addKeyValue("url.path", path)
			.addKeyValue("url.scheme", seen.scheme())
			.addKeyValue("http.response.status_code", status)
			.addKeyValue("http.response.body.bytes", bytes)
			.addKeyValue("event.duration", nanos)
			.addKeyValue("http.request.id", seen.id())
			.log("{} \"{} {}\" {} {}B {}ms id={}", seen.client(), method, path, status, bytes, nanos / 1_000_000,
					seen.id());
	}

}
