package io.serverprofiles.autoconfigure.accesslog;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * Whether Logback sends a logger's events to Boot's structured console appender on
 * {@code System.out} and nowhere else (no file, no appender of the user's), as Boot's own
 * configuration does when only {@code logging.structured.format.console} is set. Loaded
 * only when Logback is the logging system.
 */
final class OnlyStructuredConsole {

	private OnlyStructuredConsole() {
	}

	static boolean isTheOnlyDestinationOf(String loggerName) {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return false;
		}
		List<Appender<ILoggingEvent>> appenders = appendersOf(context, loggerName);
		return appenders.size() == 1 && appenders.get(0) instanceof ConsoleAppender<ILoggingEvent> console
				&& "System.out".equals(console.getTarget()) && console.getEncoder() instanceof StructuredLogEncoder
				// Boot's threshold (logging.threshold.console) is the only filter it
				// adds.
				&& console.getCopyOfAttachedFiltersList().stream().allMatch(ThresholdFilter.class::isInstance);
	}

	/**
	 * The appenders an event of the logger reaches: its own and, while additive, those of
	 * the loggers above it.
	 */
	private static List<Appender<ILoggingEvent>> appendersOf(LoggerContext context, String loggerName) {
		List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
		String name = loggerName;
		while (true) {
			Logger logger = context.exists(name);
			if (logger != null) {
				logger.iteratorForAppenders().forEachRemaining(appenders::add);
				if (!logger.isAdditive()) {
					return appenders;
				}
			}
			if (name.equals(Logger.ROOT_LOGGER_NAME)) {
				return appenders;
			}
			int dot = name.lastIndexOf('.');
			name = (dot > 0) ? name.substring(0, dot) : Logger.ROOT_LOGGER_NAME;
		}
	}

}
