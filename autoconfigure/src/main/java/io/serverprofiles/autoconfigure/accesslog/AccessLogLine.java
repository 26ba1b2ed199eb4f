package io.serverprofiles.autoconfigure.accesslog;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes the one access-log line of a request: client, method, path, status, body bytes,
 * duration and id, also as key-value pairs, which Boot's structured logging writes as
 * JSON fields. Successful probes are logged at DEBUG unless asked for. The logger's level
 * decides; where its events would go to Boot's ECS console output only, the line takes
 * the {@link EcsConsoleAccessLog} there instead of the logger.
 */
final class AccessLogLine implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AccessLogFilter.LOGGER_NAME);

	private final boolean includeProbes;

	private final @Nullable EcsConsoleAccessLog console;

	AccessLogLine(boolean includeProbes, @Nullable EcsConsoleAccessLog console) {
		this.includeProbes = includeProbes;
		this.console = console;
	}

	void log(AccessLogFilter.Seen seen, String method, String path, int status, long bytes, long nanos) {
		// A probe answered as expected is routine; one that fails, or was
		// refused, is not.
		Level level = (this.includeProbes || !seen.probe() || status >= 400) ? Level.INFO : Level.DEBUG;
		if (!logger.isEnabledForLevel(level)) {
			return;
		}
		if (this.console != null) {
			this.console.write(level, seen, method, path, status, bytes, nanos);
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

	/**
	 * Write the lines still buffered: called once the server has stopped, after the drain
	 * and graceful shutdown, so the lines of the last requests are there.
	 */
	@Override
	public void close() {
		if (this.console != null) {
			this.console.close();
		}
	}

}
