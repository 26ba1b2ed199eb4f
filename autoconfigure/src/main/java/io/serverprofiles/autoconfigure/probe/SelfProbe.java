package io.serverprofiles.autoconfigure.probe;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.serverprofiles.autoconfigure.checks.CheckReport;
import io.serverprofiles.autoconfigure.checks.Finding;
import io.serverprofiles.autoconfigure.checks.Severity;
import io.serverprofiles.autoconfigure.headers.SecurityHeaders;
import io.serverprofiles.autoconfigure.headers.SecurityHeadersProperties;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import io.serverprofiles.autoconfigure.web.ProbePaths;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Probes a running deployment from outside against the application's own prod settings:
 * each {@link ProbeStep} in turn, readiness first. A deployment that cannot be reached at
 * all is not judged ({@link ProbeUnreachableException}); a step that fails half-way is a
 * finding of its first id.
 */
final class SelfProbe {

	private static final List<ProbeStep> STEPS = List.of(new ReadinessProbe(), new CertificateProbe(),
			new RedirectProbe(), new HeadersProbe(), new HostProbe(), new ActuatorProbe(), new ForwardingProbe(),
			new BodyLimitProbe());

	private final ProbeProperties properties;

	private final ProdServerProperties prod;

	private final SecurityHeadersProperties headers;

	private final Environment environment;

	private final Clock clock;

	SelfProbe(ProbeProperties properties, ProdServerProperties prod, SecurityHeadersProperties headers,
			Environment environment, Clock clock) {
		this.properties = properties;
		this.prod = prod;
		this.headers = headers;
		this.environment = environment;
		this.clock = clock;
	}

	/**
	 * The URL under probe.
	 * @return the URL
	 * @throws IllegalArgumentException when it is not an https:// URL with a host
	 */
	URI url() {
		String url = this.properties.getUrl();
		URI uri = (url != null) ? URI.create(url) : null;
		if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			throw new IllegalArgumentException(ProbeProperties.URL
					+ " must be the deployment's https:// URL, e.g. https://shop.example.com, not " + url);
		}
		return uri;
	}

	/**
	 * Probe the deployment.
	 * @return the report
	 * @throws ProbeUnreachableException when the deployment cannot be reached
	 */
	CheckReport run() {
		ProbeTarget target = target(url());
		List<Finding> findings = new ArrayList<>();
		int checked = 0;
		for (ProbeStep step : STEPS) {
			checked += step.ids().size();
			try {
				findings.addAll(step.run(target));
			}
			catch (ProbeUnreachableException ex) {
				if (step == STEPS.get(0)) {
					throw ex;
				}
				findings.add(incomplete(step, ex));
			}
			catch (UncheckedIOException ex) {
				findings.add(incomplete(step, ex));
			}
		}
		findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::id));
		return new CheckReport(List.copyOf(findings), checked, List.of(), this.properties.getFailOn());
	}

	private static Finding incomplete(ProbeStep step, UncheckedIOException ex) {
		return new Finding(step.ids().get(0), Severity.ERROR, "no answer: " + ex.getMessage(),
				"check that the deployment answers on this port and within " + ProbeProperties.PREFIX + ".timeout");
	}

	private ProbeTarget target(URI url) {
		String host = url.getHost();
		int httpsPort = (url.getPort() != -1) ? url.getPort() : 443;
		CertificateRecorder certificates = CertificateRecorder.trusting(this.properties.getTrustStore());
		ProbeClient client = new ProbeClient(host, httpsPort, this.properties.getHttpPort(), certificates.sslContext(),
				this.properties.getTimeout());
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		String actuatorBasePath = this.environment.getProperty("management.endpoints.web.base-path", "/actuator");
		SecurityHeaders securityHeaders = this.headers.isEnabled() ? SecurityHeaders.of(this.headers) : null;
		String hsts = this.headers.isEnabled() ? SecurityHeaders.strictTransportSecurity(this.headers.getHsts()) : null;
		return new ProbeTarget(client, certificates, host, httpsPort, this.properties.getHttpPort(),
				contextPath.equals("/") ? "" : contextPath, actuatorBasePath,
				ProbePaths.managementPortIsSeparate(this.environment), pathOrRoot(this.properties.getPagePath()),
				securityHeaders, hsts, this.prod.getMaxRequestSize().toBytes(), token(),
				this.properties.getMinCertDays(), this.clock);
	}

	private @Nullable WhoamiToken token() {
		String secret = this.properties.getSecret();
		return (secret != null && !secret.isBlank()) ? new WhoamiToken(secret, this.clock) : null;
	}

	private static String pathOrRoot(String path) {
		return path.startsWith("/") ? path : "/" + path;
	}

}
