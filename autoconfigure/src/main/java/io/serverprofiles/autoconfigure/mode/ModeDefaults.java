package io.serverprofiles.autoconfigure.mode;

import java.util.Map;

import org.springframework.core.env.Environment;

/**
 * One mode's defaults, handed to the mode decision by the package that owns that mode's
 * server, so that {@code mode} knows neither. Implementations are listed in
 * {@code META-INF/spring.factories} and need a public no-argument constructor.
 */
public interface ModeDefaults {

	/**
	 * The mode these defaults are for.
	 * @return the mode
	 */
	ServerMode.Mode mode();

	/**
	 * The defaults, added below every property the user sets.
	 * @param environment the environment, with config files read
	 * @return property names and values
	 */
	Map<String, Object> properties(Environment environment);

}
