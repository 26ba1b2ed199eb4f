package io.serverprofiles.autoconfigure.probe;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import io.serverprofiles.test.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a certificate is valid for the probed name: its subject alternative names, DNS
 * and IP, without case; the subject's CN alone never counts.
 */
class CertificateProbeTests {

	private static X509Certificate certificate;

	@BeforeAll
	static void makeCertificate(@TempDir Path directory) throws Exception {
		TestCertificates.create(directory);
		try (InputStream in = Files.newInputStream(directory.resolve("tls/localhost.pem"))) {
			certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	@Test
	void aNameOrAddressOfTheCertificateMatches() {
		assertThat(CertificateProbe.matches(certificate, "localhost")).isTrue();
		assertThat(CertificateProbe.matches(certificate, "LocalHost")).isTrue();
		assertThat(CertificateProbe.matches(certificate, "127.0.0.1")).isTrue();
	}

	@Test
	void anyOtherNameDoesNot() {
		assertThat(CertificateProbe.matches(certificate, "shop.example.com")).isFalse();
		assertThat(CertificateProbe.matches(certificate, "sub.localhost")).isFalse();
		assertThat(CertificateProbe.matches(certificate, "127.0.0.2")).isFalse();
	}

}
