package io.serverprofiles.autoconfigure.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One server started for each container in turn, with the arguments the subclass names;
 * checks what every mode shares. A subclass is written once and runs on every
 * {@link ServerContainer} (the annotations are inherited), as Boot's
 * {@code AbstractServletWebServerFactoryTests} covers each server.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(ServerContainer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StartedServerTests {

	@Parameter
	private ServerContainer container;

	private RunningServer server;

	protected abstract String[] arguments();

	protected ServerContainer container() {
		return this.container;
	}

	protected RunningServer server() {
		return this.server;
	}

	@BeforeParameterizedClassInvocation
	void start() {
		this.server = RunningServer.start(this.container, arguments());
	}

	@AfterParameterizedClassInvocation
	void stop() {
		this.server.close();
	}

	@Test
	void runsOnTheChosenContainer() {
		assertThat(this.server.webServerClass()).isEqualTo(this.container.webServerClass());
	}

	@Test
	void probesAnswerOnTheMainPort() {
		assertThat(this.server.get("/livez").statusCode()).isEqualTo(200);
		assertThat(this.server.get("/readyz").statusCode()).isEqualTo(200);
	}

}
