package io.serverprofiles.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * A throwaway CA and a certificate for {@code localhost} signed by it, made with openssl
 * at test time and written where the rendered nginx looks: {@code tls/fullchain.pem},
 * {@code tls/privkey.pem} and the CA as {@code tls/chain.pem}.
 */
public final class TestCertificates {

	private final Path caCertificate;

	private @Nullable SSLContext sslContext;

	private TestCertificates(Path caCertificate) {
		this.caCertificate = caCertificate;
	}

	/**
	 * Make the CA and the certificate for an nginx configuration directory.
	 * @param nginxDirectory the directory of nginx.conf
	 * @return the certificates
	 */
	public static TestCertificates create(Path nginxDirectory) throws IOException, InterruptedException {
		Path tls = Files.createDirectories(nginxDirectory.resolve("tls"));
		String ec = "ec";
		String curve = "ec_paramgen_curve:prime256v1";
		openssl(tls, "req", "-x509", "-newkey", ec, "-pkeyopt", curve, "-nodes", "-keyout", "ca.key", "-out",
				"chain.pem", "-days", "2", "-subj", "/CN=server-profiles test CA", "-addext",
				"basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
		openssl(tls, "req", "-newkey", ec, "-pkeyopt", curve, "-nodes", "-keyout", "privkey.pem", "-out",
				"localhost.csr", "-subj", "/CN=localhost");
		Files.writeString(tls.resolve("localhost.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
				+ "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n");
		openssl(tls, "x509", "-req", "-in", "localhost.csr", "-CA", "chain.pem", "-CAkey", "ca.key", "-CAcreateserial",
				"-days", "2", "-extfile", "localhost.ext", "-out", "localhost.pem");
		Files.writeString(tls.resolve("fullchain.pem"),
				Files.readString(tls.resolve("localhost.pem")) + Files.readString(tls.resolve("chain.pem")));
		return new TestCertificates(tls.resolve("chain.pem"));
	}

	/**
	 * The CA certificate, for clients such as {@code NODE_EXTRA_CA_CERTS}.
	 * @return its PEM file
	 */
	public Path caCertificate() {
		return this.caCertificate;
	}

	/**
	 * A TLS context that trusts the test CA and nothing else.
	 * @return the context
	 */
	public synchronized SSLContext sslContext() throws Exception {
		if (this.sslContext != null) {
			return this.sslContext;
		}
		KeyStore trust = KeyStore.getInstance("PKCS12");
		trust.load(null, null);
		try (InputStream in = Files.newInputStream(this.caCertificate)) {
			trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		this.sslContext = context;
		return context;
	}

	private static void openssl(Path directory, String... arguments) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of("openssl"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("openssl " + String.join(" ", arguments) + " failed:\n" + output);
		}
	}

}
