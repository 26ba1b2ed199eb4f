package io.serverprofiles.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * A throwaway CA and a certificate for {@code localhost} and {@code 127.0.0.1} signed by
 * it, made at test time by the JDK's {@code keytool} (no private key in the repository,
 * no tool beyond the JDK), as PEM files where the rendered nginx looks:
 * {@code tls/fullchain.pem}, {@code tls/privkey.pem} and the CA as {@code tls/chain.pem}.
 * The same files make a Spring Boot server speak TLS ({@link #serverArguments()}), and
 * {@link #httpClient()} trusts the CA and nothing else.
 */
public final class TestCertificates {

	private static final String PASSWORD = "server-profiles-test";

	private final Path tls;

	private @Nullable SSLContext sslContext;

	private TestCertificates(Path tls) {
		this.tls = tls;
	}

	/**
	 * Make the CA and the certificate in a directory's {@code tls/}.
	 * @param directory the directory of nginx.conf, or any directory for a Spring Boot
	 * server
	 * @return the certificates
	 * @throws IOException when the files cannot be written
	 * @throws InterruptedException when interrupted while keytool runs
	 */
	public static TestCertificates create(Path directory) throws IOException, InterruptedException {
		return create(directory, "-validity", "2");
	}

	/**
	 * Make the CA and a certificate that expired a day ago, for tests of what a client
	 * reports about it.
	 * @param directory the directory of nginx.conf
	 * @return the certificates
	 * @throws IOException when the files cannot be written
	 * @throws InterruptedException when interrupted while keytool runs
	 */
	public static TestCertificates createExpired(Path directory) throws IOException, InterruptedException {
		return create(directory, "-startdate", "-3d", "-validity", "2");
	}

	private static TestCertificates create(Path directory, String... validity)
			throws IOException, InterruptedException {
		Path tls = Files.createDirectories(directory.resolve("tls"));
		keytool(tls, "-genkeypair", "-alias", "ca", "-keystore", "ca.p12", "-dname", "CN=server-profiles test CA",
				"-ext", "bc:c=ca:true", "-ext", "ku:c=keyCertSign,cRLSign");
		keytool(tls, "-genkeypair", "-alias", "server", "-keystore", "server.p12", "-dname", "CN=localhost");
		keytool(tls, "-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "localhost.csr");
		List<String> gencert = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile",
				"localhost.csr", "-outfile", "localhost.pem", "-rfc", "-ext", "san=dns:localhost,ip:127.0.0.1", "-ext",
				"bc=ca:false", "-ext", "ku=digitalSignature", "-ext", "eku=serverAuth"));
		gencert.addAll(List.of(validity));
		keytool(tls, gencert.toArray(String[]::new));
		keytool(tls, "-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-rfc", "-file", "chain.pem");
		Files.writeString(tls.resolve("fullchain.pem"),
				Files.readString(tls.resolve("localhost.pem")) + Files.readString(tls.resolve("chain.pem")));
		Files.writeString(tls.resolve("privkey.pem"), privateKeyPem(tls.resolve("server.p12")));
		return new TestCertificates(tls);
	}

	/**
	 * The CA certificate, for clients such as {@code NODE_EXTRA_CA_CERTS}.
	 * @return its PEM file
	 */
	public Path caCertificate() {
		return this.tls.resolve("chain.pem");
	}

	/**
	 * Command-line arguments that make a Spring Boot server speak TLS with the
	 * certificate.
	 * @return the arguments
	 */
	public String[] serverArguments() {
		return new String[] { "--server.ssl.certificate=file:" + this.tls.resolve("fullchain.pem"),
				"--server.ssl.certificate-private-key=file:" + this.tls.resolve("privkey.pem") };
	}

	/**
	 * A TLS context that trusts the test CA and nothing else.
	 * @return the context
	 */
	public synchronized SSLContext sslContext() {
		if (this.sslContext == null) {
			try (InputStream in = Files.newInputStream(caCertificate())) {
				KeyStore trust = KeyStore.getInstance("PKCS12");
				trust.load(null, null);
				trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
				TrustManagerFactory factory = TrustManagerFactory
					.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				factory.init(trust);
				SSLContext context = SSLContext.getInstance("TLS");
				context.init(null, factory.getTrustManagers(), null);
				this.sslContext = context;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("no TLS context for the test CA", ex);
			}
		}
		return this.sslContext;
	}

	/**
	 * An HTTP client that trusts the test CA and nothing else.
	 * @return a new client
	 */
	public HttpClient httpClient() {
		return HttpClient.newBuilder().sslContext(sslContext()).connectTimeout(Duration.ofSeconds(5)).build();
	}

	private static String privateKeyPem(Path keyStore) throws IOException {
		try (InputStream in = Files.newInputStream(keyStore)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, PASSWORD.toCharArray());
			Key key = store.getKey("server", PASSWORD.toCharArray());
			String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
				.encodeToString(key.getEncoded());
			return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot read the key keytool made in " + keyStore, ex);
		}
	}

	/**
	 * keytool with the options the command shares with the others: EC keys on P-256,
	 * valid two days (a certificate: as its arguments say), in PKCS12 stores with the
	 * test password.
	 */
	private static void keytool(Path directory, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(PackagedJar.jdkTool("keytool")));
		command.addAll(List.of(arguments));
		command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
		switch (arguments[0]) {
			case "-genkeypair" -> command
				.addAll(List.of("-keypass", PASSWORD, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2"));
			case "-gencert" -> command.addAll(List.of("-keypass", PASSWORD));
			case "-certreq" -> command.addAll(List.of("-keypass", PASSWORD));
			default -> {
			}
		}
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed:\n" + output);
		}
	}

}
