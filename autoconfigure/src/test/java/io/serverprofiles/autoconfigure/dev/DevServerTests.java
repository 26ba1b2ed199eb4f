package io.serverprofiles.autoconfigure.dev;

import java.net.http.HttpResponse;

import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.autoconfigure.support.TestWebApplication;
import io.serverprofiles.test.LoopbackPorts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev server as a user sees it, on a real container started in dev mode.
 */
class DevServerTests extends StartedServerTests {

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=dev" };
	}

	@Test
	void listensOnLoopbackOnly() {
		assertThat(LoopbackPorts.accepts("127.0.0.1", server().port())).isTrue();
		assertThat(LoopbackPorts.accepts("127.0.0.2", server().port())).isFalse();
	}

	@Test
	void errorBodyShowsMessageExceptionAndStackTrace() {
		HttpResponse<String> response = server().get("/boom");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains(TestWebApplication.SECRET_DETAIL)
			.contains("\"exception\":\"java.lang.IllegalStateException\"")
			.contains("\"trace\":\"java.lang.IllegalStateException");
	}

	@Test
	void everyActuatorEndpointIsExposed() {
		assertThat(server().get("/actuator/env").statusCode()).isEqualTo(200);
		assertThat(server().get("/actuator/beans").statusCode()).isEqualTo(200);
		assertThat(server().get("/actuator/configprops").statusCode()).isEqualTo(200);
		assertThat(server().get("/actuator/prometheus").statusCode()).isEqualTo(200);
	}

	@Test
	void healthShowsDetails() {
		assertThat(server().get("/actuator/health").body()).contains("\"components\"").contains("\"diskSpace\"");
	}

	@Test
	void staticResourcesAreNotCached() {
		HttpResponse<String> css = server().get("/site.css");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cacheControl) -> assertThat(cacheControl).contains("no-store"));
	}

}
