package io.serverprofiles.autoconfigure.probe;

import java.io.IOException;
import java.time.Clock;

import io.serverprofiles.autoconfigure.checks.CheckReport;
import io.serverprofiles.autoconfigure.checks.Finding;
import io.serverprofiles.autoconfigure.headers.SecurityHeadersProperties;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.autoconfigure.support.TlsServer;
import io.serverprofiles.test.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe, in this JVM, against a prod server that speaks TLS itself with no proxy in
 * front: the app's own layer holds (headers, Host, limits, forwarded headers, TLS), and
 * what only a proxy gives is reported: no redirect from plain HTTP, and the actuator on
 * the public port. And what each finding says when the app or its certificate is wrong.
 */
class SelfProbeServerTests extends StartedServerTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private TlsServer tlsServer;

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod" };
	}

	@BeforeParameterizedClassInvocation
	void startTlsServer() throws Exception {
		this.tlsServer = TlsServer.start(container(), "--server-profiles.mode=prod",
				"--server-profiles.prod.allowed-hosts=localhost", "--server-profiles.prod.trusted-proxies=10.0.0.0/8",
				"--server-profiles.probe.secret=" + SECRET);
	}

	@AfterParameterizedClassInvocation
	void stopTlsServer() {
		this.tlsServer.close();
	}

	@Test
	void onlyWhatAProxyWouldAddIsReported() throws IOException {
		CheckReport report = probe(this.tlsServer, "localhost", true);
		assertThat(report.findings()).extracting(Finding::id).containsExactly("SP-205", "SP-213");
		assertThat(report.checked()).isEqualTo(19);
		assertThat(report.passed()).isFalse();
		assertThat(report.toText("probe")).contains("/actuator (200)");
	}

	@Test
	void aCertificateForOtherNamesIsReported() throws IOException {
		// 127.0.0.2 reaches the same server (all of 127.0.0.0/8 is this machine), and the
		// certificate names localhost and 127.0.0.1 only.
		CheckReport report = probe(this.tlsServer, "127.0.0.2", true);
		assertThat(report.findings()).filteredOn((finding) -> finding.id().equals("SP-203"))
			.singleElement()
			.satisfies((finding) -> assertThat(finding.finding())
				.isEqualTo("the certificate is not valid for 127.0.0.2 (it names localhost, 127.0.0.1)"));
		assertThat(report.passed()).isFalse();
	}

	@Test
	void aChainTheProbeDoesNotTrustIsReported() throws IOException {
		CheckReport report = probe(this.tlsServer, "localhost", false);
		assertThat(report.findings()).filteredOn((finding) -> finding.id().equals("SP-204"))
			.singleElement()
			.satisfies((finding) -> assertThat(finding.finding()).startsWith("the certificate chain is not trusted: "));
		assertThat(report.findings()).extracting(Finding::id).doesNotContain("SP-202", "SP-203");
		assertThat(report.passed()).isFalse();
	}

	@Test
	void anAppThatTrustsItsClientsAndServesEveryHostIsReported() throws Exception {
		// What goes wrong without a proxy that overwrites the forwarding headers: the app
		// trusts its direct clients, so a forged X-Forwarded-For and -Proto are believed,
		// and with no allowed hosts any Host is served. Except on Jetty: its SNI host
		// check refuses a Host that is not the name the TLS handshake asked for.
		try (TlsServer trusting = TlsServer.start(container(), "--server-profiles.mode=prod",
				"--server-profiles.prod.trusted-proxies=127.0.0.0/8", "--server-profiles.probe.secret=" + SECRET)) {
			CheckReport report = probe(trusting, "localhost", true);
			if (container() == ServerContainer.TOMCAT) {
				assertThat(report.findings()).extracting(Finding::id)
					.containsExactly("SP-205", "SP-211", "SP-213", "SP-216", "SP-217");
				assertThat(report.findings()).filteredOn((finding) -> finding.id().equals("SP-211"))
					.singleElement()
					.satisfies((finding) -> assertThat(finding.finding())
						.startsWith("HTTPS with Host probe-unknown.invalid answered 200"));
			}
			else {
				assertThat(report.findings()).extracting(Finding::id)
					.containsExactly("SP-205", "SP-213", "SP-216", "SP-217");
			}
			assertThat(report.findings()).filteredOn((finding) -> finding.id().equals("SP-217"))
				.singleElement()
				.satisfies((finding) -> assertThat(finding.finding())
					.contains("the app took client 203.0.113.77 over http"));
		}
	}

	private static CheckReport probe(TlsServer server, String host, boolean trustTheCa) throws IOException {
		Environment environment = server.server().context().getEnvironment();
		ProbeProperties properties = new ProbeProperties();
		properties.setUrl("https://" + host + ":" + server.server().port());
		properties.setHttpPort(LoopbackPorts.free(1)[0]);
		if (trustTheCa) {
			properties.setTrustStore(server.certificates().caCertificate().toString());
		}
		properties.setMinCertDays(1);
		properties.setSecret(SECRET);
		properties.setPagePath("/page");
		SecurityHeadersProperties headers = Binder.get(environment)
			.bindOrCreate("server-profiles.prod.headers", SecurityHeadersProperties.class);
		return new SelfProbe(properties, ProdServerProperties.bind(environment), headers, environment,
				Clock.systemUTC())
			.run();
	}

}
