package io.serverprofiles.samples.reactive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.serverprofiles.test.PackagedJar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux app with the starter, packaged: the starter backs off with one line instead
 * of failing on servlet classes, the app serves, and the checks' command says it cannot
 * judge a reactive app (exit 2).
 */
class ReactiveJarIT {

	private static final Path JAR = Path.of(System.getProperty("sample.jar", "target/reactive-app.jar"));

	private static final Pattern STARTED_PORT = Pattern.compile("Netty started on port (\\d+)");

	@Test
	void theStarterBacksOffWithOneLineAndTheAppServes() throws Exception {
		try (PackagedJar app = PackagedJar.start(JAR, "--server.port=0")) {
			Matcher port = STARTED_PORT.matcher(app.awaitOutput(Pattern.compile("Started ReactiveApplication")));
			assertThat(port.find()).as(app.output()).isTrue();
			HttpResponse<String> hello = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/hello")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(hello.body()).isEqualTo("hello");
			assertThat(app.isAlive()).isTrue();
			assertThat(app.output()).contains("server-profiles serves servlet applications (Tomcat, Jetty)")
				.doesNotContain("NoClassDefFoundError")
				.doesNotContain("APPLICATION FAILED TO START");
		}
	}

	@Test
	void theChecksOnlyModeSaysItCannotJudgeAReactiveApp() throws Exception {
		PackagedJar.Result run = PackagedJar.run(JAR, "--server-profiles.checks.only");
		assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
		assertThat(run.output()).contains("production checks apply to servlet applications (Tomcat, Jetty)");
	}

}
