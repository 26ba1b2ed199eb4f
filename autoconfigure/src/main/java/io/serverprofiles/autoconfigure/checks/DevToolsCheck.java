package io.serverprofiles.autoconfigure.checks;

import java.util.Optional;

/**
 * SP-101: spring-boot-devtools in a production run. Shipped but inert is a warning (the
 * artifact carries a jar it should not); active is an error (a restarting class loader,
 * devtools' development property defaults, or remote devtools).
 */
final class DevToolsCheck implements ProductionCheck {

	private static final String LEAVE_IT_OUT = "Leave org.springframework.boot:spring-boot-devtools out of the "
			+ "artifact: spring-boot-maven-plugin does by default; with Gradle, exclude it from the starter and "
			+ "declare it developmentOnly";

	@Override
	public String id() {
		return "SP-101";
	}

	@Override
	public Optional<Finding> evaluate(CheckContext context) {
		return switch (context.devTools()) {
			case ABSENT -> Optional.empty();
			case INERT -> Optional.of(new Finding(id(), Severity.WARNING,
					"spring-boot-devtools is on the runtime classpath (inert: restart and its property "
							+ "defaults are off)",
					LEAVE_IT_OUT));
			case ACTIVE -> Optional.of(new Finding(id(), Severity.ERROR,
					"spring-boot-devtools is active: its restarter or remote devtools is on in production",
					"Remove spring.devtools.remote.secret and -Dspring.devtools.restart.enabled=true. "
							+ LEAVE_IT_OUT));
		};
	}

}
