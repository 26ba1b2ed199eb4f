package io.serverprofiles.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.serverprofiles.test.LoopbackPorts;
import io.serverprofiles.test.Nginx;
import io.serverprofiles.test.PackagedJar;
import io.serverprofiles.test.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar demo-app.jar --server-profiles.probe=https://localhost:PORT} against
 * the demo: behind the nginx its own bundle renders (everything holds, exit 0), and
 * behind hand-written nginx configurations that each break one thing (exit 1, and exactly
 * the ids of what they break).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfProbeIT {

	private static final String SECRET = "probe-secret-0123456789abcdef0123456789";

	private ProxiedDemo demo;

	@BeforeAll
	void start() throws Exception {
		Nginx.assumeInstalled();
		this.demo = ProxiedDemo.start(1, List.of("--server-profiles.probe.secret=" + SECRET), List.of());
	}

	@AfterAll
	void stop() throws Exception {
		if (this.demo != null) {
			this.demo.close();
		}
	}

	@Test
	void behindTheRenderedNginxEverythingHolds() throws Exception {
		Probe probe = probe(this.demo.httpsPort(), this.demo.httpPort(), this.demo.certificates(), true,
				"--management.server.port=" + this.demo.managementPort(0));
		assertThat(probe.exitCode()).as(probe.output()).isZero();
		assertThat(probe.output()).contains("server-profiles probe of https://localhost:" + this.demo.httpsPort())
			.contains("all 19 checks passed (fail-on: error)");
	}

	@Test
	void withoutTheSecretTheForwardingChecksAreReportedAsNotRun() throws Exception {
		Probe probe = probe(this.demo.httpsPort(), this.demo.httpPort(), this.demo.certificates(), false,
				"--management.server.port=" + this.demo.managementPort(0), "--server-profiles.probe.format=json");
		assertThat(probe.exitCode()).as(probe.output()).isZero();
		assertThat(probe.ids()).containsExactly("SP-218");
		assertThat(probe.output()).contains("\"severity\":\"WARNING\"");
	}

	@Test
	void aBareNginxThatDropsTheAppsHeadersFails() throws Exception {
		Probe probe = inFrontOfTheDemo(Map.of("#HIDE",
				String.join("\n", List.of("proxy_hide_header Strict-Transport-Security;",
						"proxy_hide_header Content-Security-Policy;", "proxy_hide_header X-Frame-Options;",
						"proxy_hide_header X-Content-Type-Options;", "proxy_hide_header Referrer-Policy;",
						"proxy_hide_header Permissions-Policy;", "proxy_hide_header Cross-Origin-Opener-Policy;",
						"proxy_hide_header Cross-Origin-Resource-Policy;"))));
		assertFailsWith(probe, "SP-207", "SP-209", "SP-210");
	}

	@Test
	void anNginxThatAppendsToXForwardedForFromATrustedRangeFails() throws Exception {
		Probe probe = inFrontOfTheDemo(Map.of("$remote_addr", "$proxy_add_x_forwarded_for"));
		assertFailsWith(probe, "SP-216");
		assertThat(probe.output()).contains("203.0.113.77");
	}

	@Test
	void anNginxThatLeavesTheActuatorOpenToPathParametersFails() throws Exception {
		// An app with the actuator on its own port, which serves ';' paths.
		int appPort = LoopbackPorts.free(1)[0];
		String[] app = { "--server.port=" + appPort, "--server-profiles.prod.limits.allow-path-parameters=true",
				"--server-profiles.probe.secret=" + SECRET };
		try (PackagedJar actuatorOnAppPort = DemoJar.startWith(app)) {
			actuatorOnAppPort.awaitOutput(Pattern.compile("Started DemoApplication"));
			Probe probe = behindHandWrittenNginx(appPort, TestCertificates::create,
					Map.of("#EXTRA", "location ^~ /actuator/ { return 404; }"));
			assertFailsWith(probe, "SP-213");
			assertThat(probe.output()).contains("/actuator;/info (200)");
		}
	}

	@Test
	void anExpiredCertificateFails() throws Exception {
		Probe probe = behindHandWrittenNginx(this.demo.appPort(0), TestCertificates::createExpired, Map.of(),
				"--management.server.port=" + this.demo.managementPort(0));
		assertFailsWith(probe, "SP-202");
		assertThat(probe.output()).contains("expired on");
	}

	@Test
	void anNginxThatStillSpeaksTls11Fails() throws Exception {
		Probe probe = inFrontOfTheDemo(Map.of("ssl_protocols TLSv1.2 TLSv1.3;",
				"ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3; ssl_ciphers DEFAULT:@SECLEVEL=0;"));
		assertFailsWith(probe, "SP-201");
	}

	@Test
	void anNginxThatRedirectsToTheClientsHostFails() throws Exception {
		Probe probe = inFrontOfTheDemo(Map.of("return 301 https://localhost:", "return 301 https://$host:"));
		assertFailsWith(probe, "SP-206");
		assertThat(probe.output()).contains("redirected to https://probe-foreign.invalid:");
	}

	@Test
	void anNginxWithASmallerBodyLimitThanTheAppsFails() throws Exception {
		Probe probe = inFrontOfTheDemo(Map.of("client_max_body_size 10m;", "client_max_body_size 1m;"));
		assertFailsWith(probe, "SP-219");
		assertThat(probe.output()).contains("the proxy's limit is lower than the app's");
	}

	@Test
	void aDeploymentThatCannotBeReachedIsNotProbed() throws Exception {
		int[] closed = LoopbackPorts.free(2);
		Probe probe = probe(closed[0], closed[1], this.demo.certificates(), true);
		assertThat(probe.exitCode()).as(probe.output()).isEqualTo(2);
		assertThat(probe.output()).contains("could not probe: cannot reach localhost:" + closed[0]);
	}

	private static void assertFailsWith(Probe probe, String... ids) {
		assertThat(probe.exitCode()).as(probe.output()).isEqualTo(1);
		assertThat(probe.ids()).containsExactly(ids);
	}

	/**
	 * The demo's instance (actuator on its management port) behind the small nginx below,
	 * with a valid certificate.
	 */
	private Probe inFrontOfTheDemo(Map<String, String> changes) throws Exception {
		return behindHandWrittenNginx(this.demo.appPort(0), TestCertificates::create, changes,
				"--management.server.port=" + this.demo.managementPort(0));
	}

	/**
	 * The demo behind a small nginx written here: TLS 1.2+, the redirect, the body limit,
	 * forwarded headers overwritten; each test replaces one line of it.
	 */
	private Probe behindHandWrittenNginx(int appPort, CertificateFactory certificates, Map<String, String> changes,
			String... probeArguments) throws Exception {
		Path directory = Files.createTempDirectory("probe-nginx",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		try {
			int[] ports = LoopbackPorts.free(2);
			TestCertificates tls = certificates.create(directory);
			String config = """
					events {}
					http {
					  access_log off;
					  server {
					    listen 127.0.0.1:HTTP_PORT;
					    server_name localhost;
					    return 301 https://localhost:HTTPS_PORT$request_uri;
					  }
					  server {
					    listen 127.0.0.1:HTTPS_PORT ssl;
					    server_name localhost;
					    ssl_certificate tls/fullchain.pem;
					    ssl_certificate_key tls/privkey.pem;
					    ssl_protocols TLSv1.2 TLSv1.3;
					    client_max_body_size 10m;
					    #EXTRA
					    location / {
					      proxy_pass http://127.0.0.1:APP_PORT;
					      proxy_set_header Host $host;
					      proxy_set_header X-Forwarded-For $remote_addr;
					      proxy_set_header X-Forwarded-Proto $scheme;
					      proxy_set_header Forwarded "";
					      #HIDE
					    }
					  }
					}
					""".replace("HTTPS_PORT", Integer.toString(ports[1]))
				.replace("HTTP_PORT", Integer.toString(ports[0]))
				.replace("APP_PORT", Integer.toString(appPort));
			for (Map.Entry<String, String> change : changes.entrySet()) {
				config = config.replace(change.getKey(), change.getValue());
			}
			Files.writeString(directory.resolve("nginx.conf"), config);
			try (Nginx nginx = Nginx.start(directory.resolve("nginx.conf"), ports)) {
				return probe(ports[1], ports[0], tls, true, withJson(probeArguments));
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(directory);
		}
	}

	private static String[] withJson(String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add("--server-profiles.probe.format=json");
		return all.toArray(String[]::new);
	}

	/**
	 * The probe as users run it: the packaged jar, the secret from the environment.
	 */
	private static Probe probe(int httpsPort, int httpPort, TestCertificates certificates, boolean withSecret,
			String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("--server-profiles.probe=https://localhost:" + httpsPort,
				"--server-profiles.probe.http-port=" + httpPort,
				"--server-profiles.probe.trust-store=" + certificates.caCertificate(),
				// The test CA's certificates live two days.
				"--server-profiles.probe.min-cert-days=1"));
		command.addAll(List.of(arguments));
		Map<String, String> environment = withSecret ? Map.of("SERVER_PROFILES_PROBE_SECRET", SECRET) : Map.of();
		try (PackagedJar probe = PackagedJar.launch(environment, Path.of(""),
				List.of("-jar", DemoJar.path().toAbsolutePath().toString()), command.toArray(String[]::new))) {
			return new Probe(probe.awaitExit(Duration.ofSeconds(120)), probe.output());
		}
	}

	@FunctionalInterface
	private interface CertificateFactory {

		TestCertificates create(Path directory) throws Exception;

	}

	/**
	 * What a probe run printed, and its exit code.
	 */
	private record Probe(int exitCode, String output) {

		/**
		 * The ids of the findings of a JSON report, in order.
		 */
		@SuppressWarnings("unchecked")
		Set<String> ids() {
			String json = this.output.lines().filter((line) -> line.startsWith("{\"url\"")).findFirst().orElseThrow();
			Set<String> ids = new TreeSet<>();
			for (Object finding : (List<Object>) JsonParserFactory.getJsonParser().parseMap(json).get("findings")) {
				ids.add((String) ((Map<String, Object>) finding).get("id"));
			}
			return ids;
		}

	}

}
