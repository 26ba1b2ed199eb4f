package io.serverprofiles.autoconfigure.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import org.jspecify.annotations.Nullable;

/**
 * The probe's trust decision, made once: the first handshake records the chain the server
 * sent, the protocol, and whether the JDK's trust (or the configured trust store) accepts
 * the chain, without failing. Every later connection accepts exactly that certificate and
 * no other, so an expired or misnamed certificate is reported once as a finding while the
 * other checks still run against the same server.
 */
final class CertificateRecorder extends X509ExtendedTrustManager {

	private final X509TrustManager trust;

	private X509Certificate @Nullable [] chain;

	private @Nullable CertificateException trustFailure;

	private @Nullable String protocol;

	private CertificateRecorder(X509TrustManager trust) {
		this.trust = trust;
	}

	/**
	 * A recorder that judges the chain with the JDK's trust, or with the CA certificates
	 * of a PEM file.
	 * @param trustStore the PEM file, or {@code null} for the JDK's trust
	 * @return the recorder
	 */
	static CertificateRecorder trusting(@Nullable String trustStore) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init((trustStore != null) ? keyStore(Path.of(trustStore)) : null);
			for (TrustManager manager : factory.getTrustManagers()) {
				if (manager instanceof X509TrustManager x509) {
					return new CertificateRecorder(x509);
				}
			}
			throw new IllegalStateException("the JDK has no X.509 trust manager");
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalArgumentException(
					"cannot read " + ProbeProperties.PREFIX + ".trust-store " + trustStore + ": " + ex.getMessage(),
					ex);
		}
	}

	private static KeyStore keyStore(Path pem) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		try (InputStream in = Files.newInputStream(pem)) {
			int i = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				store.setCertificateEntry("ca-" + i++, certificate);
			}
		}
		return store;
	}

	/**
	 * A TLS context that trusts through this recorder.
	 * @return the context
	 */
	SSLContext sslContext() {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { this }, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("no TLS context", ex);
		}
	}

	/**
	 * The chain of the first handshake, leaf first.
	 * @return the chain, empty before a handshake
	 */
	synchronized List<X509Certificate> chain() {
		return (this.chain != null) ? List.of(this.chain) : List.of();
	}

	/**
	 * Why the trust (JDK or trust store) refused the chain.
	 * @return the failure, or {@code null} when it accepted it
	 */
	synchronized @Nullable CertificateException trustFailure() {
		return this.trustFailure;
	}

	/**
	 * The protocol of the first handshake, e.g. {@code TLSv1.3}.
	 * @return the protocol, or {@code null} before a handshake
	 */
	synchronized @Nullable String protocol() {
		return this.protocol;
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		SSLSession session = (socket instanceof SSLSocket tls) ? tls.getHandshakeSession() : null;
		check(chain, authType, (session != null) ? session.getProtocol() : null);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		check(chain, authType, null);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		check(chain, authType, null);
	}

	private synchronized void check(X509Certificate[] chain, String authType, @Nullable String protocol)
			throws CertificateException {
		X509Certificate[] first = this.chain;
		if (first == null) {
			this.chain = chain.clone();
			this.protocol = protocol;
			try {
				this.trust.checkServerTrusted(chain, authType);
			}
			catch (CertificateException ex) {
				this.trustFailure = ex;
			}
		}
		else if (chain.length == 0 || !chain[0].equals(first[0])) {
			throw new CertificateException("the server sent another certificate than at the first handshake");
		}
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		throw new CertificateException("the probe is a client");
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		throw new CertificateException("the probe is a client");
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw new CertificateException("the probe is a client");
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return this.trust.getAcceptedIssuers();
	}

}
