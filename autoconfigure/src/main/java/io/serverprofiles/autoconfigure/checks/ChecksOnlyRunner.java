package io.serverprofiles.autoconfigure.checks;

import java.io.PrintStream;
import java.util.function.IntConsumer;

import io.serverprofiles.autoconfigure.mode.ServerMode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.WebApplicationType;

/**
 * The CLI mode: prints the report and ends the process with 0 (passed), 1 (findings at or
 * above fail-on) or 2 (could not evaluate).
 */
class ChecksOnlyRunner implements ApplicationRunner {

	static final int PASSED = 0;

	static final int FAILED = 1;

	static final int NOT_EVALUATED = 2;

	private final ObjectProvider<ProductionChecks> checks;

	private final ServerMode mode;

	private final ChecksProperties.Format format;

	private final PrintStream out;

	private final PrintStream err;

	private final IntConsumer exit;

	ChecksOnlyRunner(ObjectProvider<ProductionChecks> checks, ServerMode mode, ChecksProperties.Format format,
			PrintStream out, PrintStream err, IntConsumer exit) {
		this.checks = checks;
		this.mode = mode;
		this.format = format;
		this.out = out;
		this.err = err;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.exit.accept(runChecks());
	}

	int runChecks() {
		if (WebApplicationType.deduce() == WebApplicationType.REACTIVE) {
			this.err.println("server-profiles: production checks apply to servlet applications (Tomcat, Jetty); "
					+ "this one is reactive");
			return NOT_EVALUATED;
		}
		ProductionChecks productionChecks = this.checks.getIfAvailable();
		if (productionChecks == null) {
			this.err.println("server-profiles: production checks apply to the prod server, but the mode is " + this.mode
					+ "; run with --server-profiles.mode=prod");
			return NOT_EVALUATED;
		}
		try {
			CheckReport report = productionChecks.run();
			this.out.println((this.format == ChecksProperties.Format.JSON) ? report.toJson() : report.toText());
			this.out.flush();
			return report.passed() ? PASSED : FAILED;
		}
		catch (RuntimeException ex) {
			this.err.println("server-profiles: " + ex.getMessage());
			return NOT_EVALUATED;
		}
	}

}
