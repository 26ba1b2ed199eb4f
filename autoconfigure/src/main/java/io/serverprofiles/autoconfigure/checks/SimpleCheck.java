package io.serverprofiles.autoconfigure.checks;

import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A check made of a problem detector and a fixed fix: the detector returns the one-line
 * finding, or {@code null} when all is well.
 *
 * @param id the stable id
 * @param severity the severity of its findings
 * @param problem the detector
 * @param fix what to change
 */
record SimpleCheck(String id, Severity severity, Function<CheckContext, @Nullable String> problem,
		String fix) implements ProductionCheck {

	@Override
	public Optional<Finding> evaluate(CheckContext context) {
		return Optional.ofNullable(this.problem.apply(context))
			.map((finding) -> new Finding(this.id, this.severity, finding, this.fix));
	}

}
