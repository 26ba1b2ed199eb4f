package io.serverprofiles.autoconfigure.support;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A prod app's console output read as what it is: one JSON object a line, in Boot's ECS
 * format ({@code logging.structured.format.console=ecs}). Tests ask a line for its level,
 * logger and fields: searching the text cannot find an ERROR or a stack trace once JSON
 * has quoted and escaped them.
 */
public final class JsonLogLines {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private JsonLogLines() {
	}

	/**
	 * Every JSON line of the output, parsed. Lines that do not open a JSON object are
	 * left out: what was logged before Boot set logging up, in logback's default format.
	 * @param output console output of an app that logs JSON
	 * @return the JSON lines, in order
	 * @throws AssertionError naming the line, when a line opens a JSON object but is not
	 * one
	 */
	public static List<Line> of(CharSequence output) {
		return output.toString().lines().filter((line) -> line.startsWith("{")).map(JsonLogLines::parse).toList();
	}

	private static Line parse(String line) {
		try {
			JsonNode json = mapper.readTree(line);
			if (json.isObject()) {
				return new Line(json);
			}
		}
		catch (JacksonException ex) {
			// Reported below, with the line.
		}
		throw new AssertionError("Not a JSON log line: " + line);
	}

	/**
	 * One logged event.
	 *
	 * @param json the line as JSON
	 */
	public record Line(JsonNode json) {

		public String level() {
			return field("log.level");
		}

		public String logger() {
			return field("log.logger");
		}

		public String message() {
			return field("message");
		}

		/**
		 * Whether the event has a field.
		 * @param name an ECS field name, dotted: {@code error.stack_trace}
		 * @return whether the line has it
		 */
		public boolean has(String name) {
			return !node(name).isMissingNode();
		}

		/**
		 * A field's value as text.
		 * @param name an ECS field name, dotted: {@code log.level}
		 * @return its value, or {@code null} when the line does not have it
		 */
		public String field(String name) {
			JsonNode value = node(name);
			return value.isMissingNode() ? null : value.asString();
		}

		private JsonNode node(String name) {
			return this.json.at("/" + name.replace('.', '/'));
		}

		@Override
		public String toString() {
			return this.json.toString();
		}

	}

}
