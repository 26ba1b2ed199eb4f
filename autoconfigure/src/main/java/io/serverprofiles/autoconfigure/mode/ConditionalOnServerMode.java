package io.serverprofiles.autoconfigure.mode;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when the application runs in the given server mode.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnServerModeCondition.class)
public @interface ConditionalOnServerMode {

	/**
	 * The mode that must be active.
	 * @return the mode
	 */
	ServerMode.Mode value();

}
