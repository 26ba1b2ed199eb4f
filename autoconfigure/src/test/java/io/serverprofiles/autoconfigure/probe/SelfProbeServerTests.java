package io.serverprofiles.autoconfigure.probe;

import java.io.IOException;
import java.time.Clock;

import io.serverprofiles.autoconfigure.checks.CheckReport;
import io.serverprofiles.autoconfigure.checks.Finding;
import io.serverprofiles.autoconfigure.headers.SecurityHeadersProperties;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
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
 * the public port.
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
		CheckReport report = probe();
		assertThat(report.findings()).extracting(Finding::id).containsExactly("SP-205", "SP-213");
		assertThat(report.checked()).isEqualTo(19);
		assertThat(report.passed()).isFalse();
		assertThat(report.toText("probe")).contains("/actuator (200)");
	}

	private CheckReport probe() throws IOException {
		Environment environment = this.tlsServer.server().context().getEnvironment();
		ProbeProperties properties = new ProbeProperties();
		properties.setUrl("https://localhost:" + this.tlsServer.server().port());
		properties.setHttpPort(LoopbackPorts.free(1)[0]);
		properties.setTrustStore(this.tlsServer.certificates().caCertificate().toString());
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
