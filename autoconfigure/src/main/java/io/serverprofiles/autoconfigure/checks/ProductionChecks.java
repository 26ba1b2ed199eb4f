package io.serverprofiles.autoconfigure.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.core.env.Environment;

/**
 * Runs every {@link ProductionCheck} bean against the effective configuration.
 */
public class ProductionChecks {

	private final List<ProductionCheck> checks;

	private final ChecksProperties properties;

	private final Environment environment;

	private final DevToolsPresence devTools;

	/**
	 * Create the runner. Created on the startup thread, which tells whether a test runner
	 * started the application; request threads could not tell.
	 * @param checks the checks
	 * @param properties the checks' settings
	 * @param environment the environment
	 */
	public ProductionChecks(List<ProductionCheck> checks, ChecksProperties properties, Environment environment) {
		this.checks = List.copyOf(checks);
		this.properties = properties;
		this.environment = environment;
		this.devTools = DevToolsPresence.onThisThread(environment);
	}

	/**
	 * Run the checks in this application's context.
	 * @return the report
	 */
	public CheckReport run() {
		return run(CheckContext.of(this.environment, this.properties, this.devTools));
	}

	/**
	 * Run the checks in the given context.
	 * @param context what the checks look at
	 * @return the report
	 * @throws CheckEvaluationException when a check cannot be evaluated
	 */
	public CheckReport run(CheckContext context) {
		List<Finding> findings = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		int checked = 0;
		for (ProductionCheck check : this.checks) {
			if (this.properties.getIgnore().contains(check.id())) {
				ignored.add(check.id());
				continue;
			}
			checked++;
			evaluate(check, context).ifPresent(findings::add);
		}
		findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::id));
		return new CheckReport(findings, checked, ignored, this.properties.getFailOn());
	}

	private Optional<Finding> evaluate(ProductionCheck check, CheckContext context) {
		try {
			return check.evaluate(context);
		}
		catch (RuntimeException ex) {
			throw new CheckEvaluationException(check.id(), ex);
		}
	}

	/**
	 * A check failed to evaluate: the report would be incomplete.
	 */
	public static class CheckEvaluationException extends RuntimeException {

		CheckEvaluationException(String id, Throwable cause) {
			super("Check " + id + " could not be evaluated: " + cause.getMessage(), cause);
		}

	}

}
