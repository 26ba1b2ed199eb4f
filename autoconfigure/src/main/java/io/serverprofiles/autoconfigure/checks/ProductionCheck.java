package io.serverprofiles.autoconfigure.checks;

import java.util.Optional;

/**
 * One production-readiness check. Declare a bean of this type to add your own; silence
 * one by id with {@code server-profiles.checks.ignore}.
 */
public interface ProductionCheck {

	/**
	 * Stable id, e.g. {@code SP-101}; use your own prefix for your checks.
	 * @return the id
	 */
	String id();

	/**
	 * Evaluate the check against the effective configuration.
	 * @param context what the check may look at
	 * @return a finding, or empty when all is well
	 */
	Optional<Finding> evaluate(CheckContext context);

}
