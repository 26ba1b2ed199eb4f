package io.serverprofiles.autoconfigure.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.serverprofiles.autoconfigure.checks.ChecksProperties;
import io.serverprofiles.autoconfigure.headers.SecurityHeadersProperties;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import io.serverprofiles.test.LoopbackPorts;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the probe's CLI does when it cannot judge: exit 2 with a line that says why, and
 * nothing on standard output.
 */
class SelfProbeRunnerTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void inDevNothingIsProbed() {
		assertThat(runner("https://localhost:1", ServerMode.Mode.DEV).probe()).isEqualTo(SelfProbeRunner.NOT_PROBED);
		assertThat(text(this.err)).contains("the mode is DEV").contains("--server-profiles.mode=prod");
		assertThat(text(this.out)).isEmpty();
	}

	@Test
	void aPlainHttpUrlIsRefused() {
		assertThat(runner("http://shop.example.com", ServerMode.Mode.PROD).probe())
			.isEqualTo(SelfProbeRunner.NOT_PROBED);
		assertThat(text(this.err)).contains("server-profiles.probe.url must be the deployment's https:// URL");
	}

	@Test
	void aDeploymentThatDoesNotAnswerIsNotJudged() throws IOException {
		int closed = LoopbackPorts.free(1)[0];
		assertThat(runner("https://localhost:" + closed, ServerMode.Mode.PROD).probe())
			.isEqualTo(SelfProbeRunner.NOT_PROBED);
		assertThat(text(this.err)).contains("could not probe: cannot reach localhost:" + closed);
		assertThat(text(this.out)).isEmpty();
	}

	private SelfProbeRunner runner(String url, ServerMode.Mode mode) {
		ProbeProperties properties = new ProbeProperties();
		properties.setUrl(url);
		SelfProbe probe = new SelfProbe(properties, new ProdServerProperties(), new SecurityHeadersProperties(),
				new MockEnvironment(), Clock.systemUTC());
		return new SelfProbeRunner(probe, new ServerMode(mode, ServerMode.Signal.PROPERTY, "test"),
				ChecksProperties.Format.TEXT, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), (code) -> {
				});
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}
