package io.serverprofiles.autoconfigure.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One server started for a whole test class, on the container and with the arguments the
 * subclass names; checks what every mode shares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StartedServerTests {

	private RunningServer server;

	protected abstract ServerContainer container();

	protected abstract String[] arguments();

	protected RunningServer server() {
		return this.server;
	}

	@BeforeAll
	void start() {
		this.server = RunningServer.start(container(), arguments());
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void runsOnTheChosenContainer() {
		assertThat(this.server.webServerClass()).isEqualTo(container().webServerClass());
	}

	@Test
	void probesAnswerOnTheMainPort() {
		assertThat(this.server.get("/livez").statusCode()).isEqualTo(200);
		assertThat(this.server.get("/readyz").statusCode()).isEqualTo(200);
	}

}
