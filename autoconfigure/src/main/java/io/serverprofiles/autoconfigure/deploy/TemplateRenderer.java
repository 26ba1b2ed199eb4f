package io.serverprofiles.autoconfigure.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Fills {@code ${NAME}} placeholders, the form envsubst and the official nginx image use,
 * so the same templates work by hand. Only the names it is given are replaced: nginx's
 * own {@code $variables} and anything else stay as they are. A line that uses a
 * placeholder with several values is written once per value.
 */
final class TemplateRenderer {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

	private final Map<String, List<String>> values;

	TemplateRenderer(Map<String, List<String>> values) {
		this.values = values;
	}

	String render(String template) {
		StringBuilder rendered = new StringBuilder(template.length());
		for (String line : template.split("\n", -1)) {
			List<String> lines = renderLine(line);
			for (String renderedLine : lines) {
				rendered.append(renderedLine).append('\n');
			}
		}
		rendered.setLength(rendered.length() - 1);
		return rendered.toString();
	}

	private List<String> renderLine(String line) {
		String repeated = null;
		List<String> repeatedValues = List.of();
		for (String name : placeholdersIn(line)) {
			List<String> value = this.values.get(name);
			if (value != null && value.size() > 1) {
				repeated = name;
				repeatedValues = value;
			}
		}
		if (repeated == null) {
			return List.of(substitute(line, null, null));
		}
		List<String> lines = new ArrayList<>();
		for (String value : repeatedValues) {
			lines.add(substitute(line, repeated, value));
		}
		return lines;
	}

	private String substitute(String line, @Nullable String repeated, @Nullable String repeatedValue) {
		Matcher matcher = PLACEHOLDER.matcher(line);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			List<String> value = this.values.get(name);
			String replacement = name.equals(repeated) ? repeatedValue
					: (value != null) ? String.join(",", value) : matcher.group();
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * The placeholder names a text uses, known or not.
	 * @param text the text
	 * @return the names in order of appearance
	 */
	static Set<String> placeholdersIn(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

}
