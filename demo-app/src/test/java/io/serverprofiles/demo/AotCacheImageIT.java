package io.serverprofiles.demo;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import io.serverprofiles.test.AppContainer;
import io.serverprofiles.test.ContainerSettings;
import io.serverprofiles.test.DeployBundle;
import io.serverprofiles.test.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's faster start: the rendered Dockerfile's training run writes an AOT cache on
 * a Java 25 JRE and a CDS archive on Java 17, and its ENTRYPOINT starts from it. The JVM
 * silently ignores a cache that does not match its class path or itself, so each
 * container runs with the switch that makes it refuse to start instead
 * ({@code -XX:AOTMode=on}, {@code -Xshare:on}); the log says which cache it opened (and
 * on Java 25 that it uses the cache's linked classes, which it says only once the cache
 * passed its checks). A jar touched after the training run fails both tests. The
 * containers run as the rendered Kubernetes Deployment runs them: its memory limit and
 * JAVA_TOOL_OPTIONS, which pick another garbage collector than the training run had.
 */
@Testcontainers(disabledWithoutDocker = true)
class AotCacheImageIT {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void onJava25TheImageStartsFromItsAotCache(@TempDir Path directory) throws Exception {
		try (AppContainer app = image(directory, ContainerSettings.jre25Image(), "-XX:AOTMode=on -Xlog:aot")) {
			app.start();
			assertThat(app.getLogs()).contains("Opened AOT cache app.aot.").contains("Using AOT-linked classes: true");
			assertThat(helloStatus(app)).isEqualTo(200);
		}
	}

	@Test
	void onJava17TheImageStartsFromItsCdsArchive(@TempDir Path directory) throws Exception {
		try (AppContainer app = image(directory, ContainerSettings.jreImage(), "-Xshare:on -Xlog:cds")) {
			app.start();
			assertThat(app.getLogs()).contains("Opened archive app.jsa.");
			assertThat(helloStatus(app)).isEqualTo(200);
		}
	}

	/**
	 * The demo's image on a JRE, run with the Deployment's limit and options and the
	 * given JVM options after them.
	 */
	private static AppContainer image(Path directory, String jreImage, String cacheOptions) throws Exception {
		int[] ports = ContainerSettings.hostNetwork() ? LoopbackPorts.free(2) : new int[] { 8080, 8081 };
		DeployBundle bundle = DeployBundle.export(DemoJar.path(), directory.resolve("bundle"),
				List.of("--server.port=" + ports[0], "--management.server.port=" + ports[1]));
		return DeploymentContainer.of(bundle)
			.run(new AppContainer(bundle.dockerfile(), DemoJar.path(), jreImage), cacheOptions);
	}

	private int helloStatus(AppContainer app) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(app.baseUri().resolve("/api/hello")).build();
		return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
