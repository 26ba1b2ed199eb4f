package io.serverprofiles.autoconfigure.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.serverprofiles.autoconfigure.checks.Finding;
import io.serverprofiles.autoconfigure.checks.Severity;
import org.jspecify.annotations.Nullable;

/**
 * TLS as a client meets it: only TLS 1.2 or newer, and a certificate that is trusted,
 * valid for the deployment's name, and not about to expire.
 */
final class CertificateProbe implements ProbeStep {

	private static final int DNS_NAME = 2;

	private static final int IP_ADDRESS = 7;

	@Override
	public List<String> ids() {
		return List.of("SP-201", "SP-202", "SP-203", "SP-204");
	}

	@Override
	public List<Finding> run(ProbeTarget target) {
		List<Finding> findings = new ArrayList<>();
		legacyProtocols(target, findings);
		List<X509Certificate> chain = target.certificates().chain();
		if (chain.isEmpty()) {
			findings.add(new Finding("SP-204", Severity.ERROR, "the server sent no certificate",
					"configure ssl_certificate in nginx"));
			return findings;
		}
		X509Certificate leaf = chain.get(0);
		Instant now = target.clock().instant();
		Instant notAfter = leaf.getNotAfter().toInstant();
		boolean expired = notAfter.isBefore(now);
		if (expired || notAfter.isBefore(now.plus(Duration.ofDays(target.minCertDays())))) {
			findings.add(new Finding("SP-202", Severity.ERROR,
					"the certificate for " + target.host() + (expired ? " expired on " : " expires on ") + notAfter
							+ ((expired) ? "" : ", within " + target.minCertDays() + " days"),
					"renew it (certbot renew, or your CA's client) and reload nginx; " + ProbeProperties.PREFIX
							+ ".min-cert-days sets the warning time"));
		}
		if (!matches(leaf, target.host())) {
			findings.add(new Finding(
					"SP-203", Severity.ERROR, "the certificate is not valid for " + target.host() + " (it names "
							+ String.join(", ", names(leaf)) + ")",
					"issue a certificate whose subject alternative names include " + target.host()));
		}
		Exception trustFailure = target.certificates().trustFailure();
		if (trustFailure != null && !expired) {
			findings.add(new Finding("SP-204", Severity.ERROR,
					"the certificate chain is not trusted: " + trustFailure.getMessage(),
					"serve the full chain (fullchain.pem) from a public CA; for a private CA, give the probe its "
							+ "certificate with " + ProbeProperties.PREFIX + ".trust-store"));
		}
		return findings;
	}

	private static void legacyProtocols(ProbeTarget target, List<Finding> findings) {
		List<String> accepted = new ArrayList<>();
		try {
			if (LegacyTlsHello.accepts(target.host(), target.httpsPort(), LegacyTlsHello.TLS_1_0,
					target.client().timeout())) {
				accepted.add("TLS 1.0");
			}
			if (LegacyTlsHello.accepts(target.host(), target.httpsPort(), LegacyTlsHello.TLS_1_1,
					target.client().timeout())) {
				accepted.add("TLS 1.1");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String protocol = target.certificates().protocol();
		if (!accepted.isEmpty()) {
			findings.add(new Finding("SP-201", Severity.ERROR,
					"the server accepts " + String.join(" and ", accepted)
							+ ((protocol != null) ? " (a current client got " + protocol + ")" : ""),
					"ssl_protocols TLSv1.2 TLSv1.3 (the rendered snippets/tls.conf)"));
		}
	}

	static boolean matches(X509Certificate certificate, String host) {
		String name = host.toLowerCase(Locale.ROOT);
		for (String entry : names(certificate)) {
			String pattern = entry.toLowerCase(Locale.ROOT);
			if (pattern.equals(name) || (pattern.startsWith("*.") && name.indexOf('.') > 0
					&& name.substring(name.indexOf('.')).equals(pattern.substring(1)))) {
				return true;
			}
		}
		return false;
	}

	private static List<String> names(X509Certificate certificate) {
		List<String> names = new ArrayList<>();
		Collection<List<?>> alternatives = alternativeNames(certificate);
		if (alternatives != null) {
			for (List<?> alternative : alternatives) {
				Object type = alternative.get(0);
				if (type instanceof Integer kind && (kind == DNS_NAME || kind == IP_ADDRESS)) {
					names.add(String.valueOf(alternative.get(1)));
				}
			}
		}
		return names;
	}

	private static @Nullable Collection<List<?>> alternativeNames(X509Certificate certificate) {
		try {
			return certificate.getSubjectAlternativeNames();
		}
		catch (CertificateParsingException ex) {
			return null;
		}
	}

}
