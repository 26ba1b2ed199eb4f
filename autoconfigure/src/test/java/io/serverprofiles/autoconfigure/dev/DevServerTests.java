package io.serverprofiles.autoconfigure.dev;

import java.net.http.HttpResponse;

import io.serverprofiles.autoconfigure.support.Loopback;
import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import io.serverprofiles.autoconfigure.support.TestWebApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev server as a user sees it, on a real container started in dev mode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DevServerTests {

	private RunningServer server;

	abstract ServerContainer container();

	@BeforeAll
	void start() {
		this.server = RunningServer.start(container(), "--server-profiles.mode=dev");
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
	void listensOnLoopbackOnly() {
		assertThat(Loopback.accepts("127.0.0.1", this.server.port())).isTrue();
		assertThat(Loopback.accepts("127.0.0.2", this.server.port())).isFalse();
	}

	@Test
	void errorBodyShowsMessageExceptionAndStackTrace() {
		HttpResponse<String> response = this.server.get("/boom");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains(TestWebApplication.SECRET_DETAIL)
			.contains("\"exception\":\"java.lang.IllegalStateException\"")
			.contains("\"trace\":\"java.lang.IllegalStateException");
	}

	@Test
	void everyActuatorEndpointIsExposed() {
		assertThat(this.server.get("/actuator/env").statusCode()).isEqualTo(200);
		assertThat(this.server.get("/actuator/beans").statusCode()).isEqualTo(200);
		assertThat(this.server.get("/actuator/configprops").statusCode()).isEqualTo(200);
		assertThat(this.server.get("/actuator/prometheus").statusCode()).isEqualTo(200);
	}

	@Test
	void healthShowsDetails() {
		assertThat(this.server.get("/actuator/health").body()).contains("\"components\"").contains("\"diskSpace\"");
	}

	@Test
	void probesAnswerOnTheMainPort() {
		assertThat(this.server.get("/livez").statusCode()).isEqualTo(200);
		assertThat(this.server.get("/readyz").statusCode()).isEqualTo(200);
	}

	@Test
	void staticResourcesAreNotCached() {
		assertThat(this.server.context().getEnvironment().getProperty("spring.web.resources.cache.period"))
			.isEqualTo("0");
	}

}
