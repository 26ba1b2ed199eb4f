package io.serverprofiles.autoconfigure.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway key store with a self-signed certificate for 127.0.0.1, made by the JDK's
 * {@code keytool}, and an HTTP client that trusts it: a real TLS server in a test without
 * a private key in the repository.
 */
public final class SelfSignedCertificate {

	private static final String PASSWORD = "server-profiles-test";

	private final Path keyStore;

	private final HttpClient client;

	private SelfSignedCertificate(Path keyStore) {
		this.keyStore = keyStore;
		this.client = HttpClient.newBuilder().sslContext(trusting(keyStore)).build();
	}

	public static SelfSignedCertificate create() {
		try {
			Path directory = Files.createTempDirectory("server-profiles-tls");
			Path keyStore = directory.resolve("server.p12");
			String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
			Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
					"-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
					"-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
					"-keypass", PASSWORD)
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				throw new IllegalStateException("keytool failed: " + output);
			}
			keyStore.toFile().deleteOnExit();
			directory.toFile().deleteOnExit();
			return new SelfSignedCertificate(keyStore);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Command-line arguments that make the server speak TLS with this certificate.
	 * @return the arguments
	 */
	public String[] serverArguments() {
		return new String[] { "--server.ssl.key-store=file:" + this.keyStore, "--server.ssl.key-store-type=PKCS12",
				"--server.ssl.key-store-password=" + PASSWORD };
	}

	/**
	 * GET over HTTPS from 127.0.0.1.
	 * @param server the server started with {@link #serverArguments()}
	 * @param path the path
	 * @return the response
	 */
	public HttpResponse<String> get(RunningServer server, String path) {
		URI uri = URI.create("https://127.0.0.1:" + server.port() + path);
		try {
			return this.client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static SSLContext trusting(Path keyStore) {
		try (InputStream in = Files.newInputStream(keyStore)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, PASSWORD.toCharArray());
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
