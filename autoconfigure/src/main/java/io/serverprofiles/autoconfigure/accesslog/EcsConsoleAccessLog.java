package io.serverprofiles.autoconfigure.accesslog;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.structured.ElasticCommonSchemaProperties;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The prod access log's own way to the console. Where the access logger's events go to
 * Boot's ECS console output and nowhere else (the prod defaults), a line is formatted
 * here in the same shape ({@link EcsAccessLineFormat}) and written in batches
 * ({@link BatchingConsole}), for a fraction of what Logback and Boot's general formatter
 * cost per request. Any other set-up (a log file, another format, JSON customised under
 * {@code logging.structured.json}, a Logback configuration of the user's) keeps the
 * logger.
 */
final class EcsConsoleAccessLog implements AutoCloseable {

	private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

	private final EcsAccessLineFormat format;

	private final Level threshold;

	private final BatchingConsole console;

	private final Clock clock = Clock.systemUTC();

	// One per request thread, reused line after line: formatting allocates nothing.
	private final ThreadLocal<LineBuffer> buffers = ThreadLocal.withInitial(LineBuffer::new);

	private EcsConsoleAccessLog(EcsAccessLineFormat format, Level threshold, Duration flushInterval) {
		this.format = format;
		this.threshold = threshold;
		this.console = BatchingConsole.forStandardOutput(flushInterval);
	}

	/**
	 * The console access log, if the logging set-up lets it write what the logger would.
	 * @param environment the application's environment
	 * @param flushInterval longest a line waits before it is written
	 * @return the access log, or {@code null} when the logger must write the lines
	 */
	static @Nullable EcsConsoleAccessLog ifOnlyEcsConsole(Environment environment, Duration flushInterval) {
		if (!"ecs".equals(environment.getProperty("logging.structured.format.console"))
				|| !environment.getProperty("logging.charset.console", Charset.class, StandardCharsets.UTF_8)
					.equals(StandardCharsets.UTF_8)
				|| Binder.get(environment)
					.bind("logging.structured.json", Bindable.mapOf(String.class, Object.class))
					.isBound()
				|| !ClassUtils.isPresent(LOGBACK, EcsConsoleAccessLog.class.getClassLoader())
				|| !OnlyStructuredConsole.isTheOnlyDestinationOf(AccessLogFilter.LOGGER_NAME)) {
			return null;
		}
		Level threshold = threshold(environment);
		if (threshold == null) {
			return null;
		}
		EcsAccessLineFormat format = new EcsAccessLineFormat(
				environment.getProperty("spring.application.pid", Long.class),
				ElasticCommonSchemaProperties.get(environment));
		return new EcsConsoleAccessLog(format, threshold, flushInterval);
	}

	/**
	 * The console's threshold ({@code logging.threshold.console}), or {@code null} for
	 * one that is not a level of every event (OFF).
	 */
	private static @Nullable Level threshold(Environment environment) {
		String threshold = environment.getProperty("logging.threshold.console", "TRACE").toUpperCase(Locale.ROOT);
		for (Level level : Level.values()) {
			if (level.name().equals(threshold)) {
				return level;
			}
		}
		return null;
	}

	void write(Level level, AccessLogFilter.Seen seen, String method, String path, int status, long bytes, long nanos) {
		if (level.toInt() >= this.threshold.toInt()) {
			LineBuffer buffer = this.buffers.get();
			StringBuilder line = buffer.clear();
			this.format.format(line, this.clock.instant(), level, seen, method, path, status, bytes, nanos);
			buffer.writeTo(this.console);
		}
	}

	@Override
	public void close() {
		this.console.close();
	}

	/**
	 * A line's characters and their UTF-8 bytes.
	 */
	private static final class LineBuffer {

		private final StringBuilder chars = new StringBuilder(1024);

		private byte[] bytes = new byte[1024];

		StringBuilder clear() {
			this.chars.setLength(0);
			return this.chars;
		}

		/**
		 * Encode the line with its separator and hand it to the console. Client text is
		 * mostly ASCII, a byte a character; anything else takes the general encoder.
		 */
		void writeTo(BatchingConsole console) {
			this.chars.append('\n');
			int length = this.chars.length();
			if (this.bytes.length < length) {
				this.bytes = new byte[length * 2];
			}
			for (int i = 0; i < length; i++) {
				char c = this.chars.charAt(i);
				if (c >= 0x80) {
					byte[] encoded = this.chars.toString().getBytes(StandardCharsets.UTF_8);
					console.write(encoded, encoded.length);
					return;
				}
				this.bytes[i] = (byte) c;
			}
			console.write(this.bytes, length);
		}

	}

}
