package io.serverprofiles.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Lines of a log that another process writes (nginx, a container), found once it has
 * written them.
 */
final class LogLines {

	private LogLines() {
	}

	/**
	 * The first line with this text, once the log has it.
	 * @param log reads the whole log
	 * @param text what the line contains
	 * @return the line
	 * @throws AssertionError with the log, when no such line came within 10 seconds
	 */
	static String await(Callable<String> log, String text) {
		try {
			return Awaitility.await("a line with " + text)
				.atMost(Duration.ofSeconds(10))
				.until(() -> first(log.call(), text), Optional::isPresent)
				.get();
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("no line with " + text + " in:\n" + read(log), ex);
		}
	}

	static Optional<String> first(String log, String text) {
		return log.lines().filter((line) -> line.contains(text)).findFirst();
	}

	private static String read(Callable<String> log) {
		try {
			return log.call();
		}
		catch (Exception ex) {
			return "(unreadable: " + ex + ")";
		}
	}

}
