package io.serverprofiles.autoconfigure.accesslog;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.slf4j.event.Level;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.ElasticCommonSchemaProperties;

/**
 * The access-log line as Boot's ECS structured console format writes it (the same members
 * in the same order, the same escaping), written straight into one builder: what does not
 * change from one request to the next (pid, service, logger) is worked out once. Boot's
 * general formatter costs tens of microseconds a line; this costs one.
 */
final class EcsAccessLineFormat {

	private final String afterLevel;

	private final String afterThread;

	private volatile Second second = new Second(Long.MIN_VALUE, "");

	/**
	 * Create the format.
	 * @param pid the process id, as Boot's {@code spring.application.pid}, if known
	 * @param service the {@code logging.structured.ecs.*} settings
	 */
	EcsAccessLineFormat(@Nullable Long pid, ElasticCommonSchemaProperties service) {
		this.afterLevel = "\",\"logger\":\"" + AccessLogFilter.LOGGER_NAME + "\"},\"process\":{"
				+ ((pid != null) ? "\"pid\":" + pid + "," : "") + "\"thread\":{\"name\":";
		String members = JsonWriter.<ElasticCommonSchemaProperties>of(service::jsonMembers).writeToString(service);
		// {"service":{...}} without its braces, so it sits among the line's members.
		this.afterThread = "}}," + members.substring(1, members.length() - 1) + ",\"message\":";
	}

	/**
	 * Append the line of one request, without a line separator.
	 * @param line where the line goes
	 * @param time when it was logged
	 * @param level the level it is logged at
	 * @param seen the application's view of the request
	 * @param method the request method
	 * @param path the request path
	 * @param status the response status
	 * @param bytes the response body bytes
	 * @param nanos how long the request took
	 */
	void format(StringBuilder line, Instant time, Level level, AccessLogFilter.Seen seen, String method, String path,
			int status, long bytes, long nanos) {
		line.append("{\"@timestamp\":\"");
		appendInstant(line, time);
		line.append("\",\"log\":{\"level\":\"").append(level.name()).append(this.afterLevel);
		appendString(line, Thread.currentThread().getName());
		line.append(this.afterThread).append('"');
		// The readable message, as AccessLogLine's pattern gives it.
		appendEscaped(line, seen.client());
		line.append(" \\\"");
		appendEscaped(line, method);
		line.append(' ');
		appendEscaped(line, path);
		line.append("\\\" ").append(status).append(' ').append(bytes).append("B ").append(nanos / 1_000_000);
		line.append("ms id=");
		appendEscaped(line, seen.id());
		line.append("\",\"client\":{\"ip\":");
		appendString(line, seen.client());
		line.append("},\"http\":{\"request\":{\"method\":");
		appendString(line, method);
		line.append(",\"id\":");
		appendString(line, seen.id());
		line.append("},\"response\":{\"status_code\":").append(status);
		line.append(",\"body\":{\"bytes\":").append(bytes).append("}}},\"url\":{\"path\":");
		appendString(line, path);
		line.append(",\"scheme\":");
		appendString(line, seen.scheme());
		line.append("},\"event\":{\"duration\":").append(nanos).append("},\"ecs\":{\"version\":\"8.11\"}}");
	}

	/**
	 * {@link Instant#toString()}, whose date and time change once a second: those are
	 * formatted once a second.
	 */
	private void appendInstant(StringBuilder line, Instant time) {
		Second second = this.second;
		if (second.epochSecond != time.getEpochSecond()) {
			second = new Second(time.getEpochSecond(),
					LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC).toString());
			this.second = second;
		}
		line.append(second.text);
		if (second.text.length() == 16) {
			// LocalDateTime leaves out zero seconds; Instant does not.
			line.append(":00");
		}
		int nanos = time.getNano();
		if (nanos != 0) {
			line.append('.');
			if (nanos % 1_000_000 == 0) {
				appendDigits(line, nanos / 1_000_000, 3);
			}
			else if (nanos % 1000 == 0) {
				appendDigits(line, nanos / 1000, 6);
			}
			else {
				appendDigits(line, nanos, 9);
			}
		}
		line.append('Z');
	}

	private static void appendDigits(StringBuilder line, int value, int digits) {
		for (int divisor = (int) Math.pow(10, digits - 1); divisor > 0; divisor /= 10) {
			line.append((char) ('0' + (value / divisor) % 10));
		}
	}

	private static void appendString(StringBuilder line, @Nullable String value) {
		if (value == null) {
			line.append("null");
			return;
		}
		line.append('"');
		appendEscaped(line, value);
		line.append('"');
	}

	/**
	 * A JSON string's content, escaped the way Boot's {@code JsonValueWriter} does.
	 */
	private static void appendEscaped(StringBuilder line, String value) {
		int plain = 0;
		while (plain < value.length() && !needsEscape(value.charAt(plain))) {
			plain++;
		}
		// Most values need no escaping: one bulk copy instead of a char at a time.
		line.append(value, 0, plain);
		for (int i = plain; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> line.append("\\\"");
				case '\\' -> line.append("\\\\");
				case '\b' -> line.append("\\b");
				case '\f' -> line.append("\\f");
				case '\n' -> line.append("\\n");
				case '\r' -> line.append("\\r");
				case '\t' -> line.append("\\t");
				default -> {
					if (Character.isISOControl(c)) {
						line.append("\\u").append(String.format("%04X", (int) c));
					}
					else {
						line.append(c);
					}
				}
			}
		}
	}

	private static boolean needsEscape(char c) {
		return c == '"' || c == '\\' || Character.isISOControl(c);
	}

	/**
	 * The date and time of one second, as {@link LocalDateTime#toString()} gives them.
	 */
	private record Second(long epochSecond, String text) {
	}

}
