package io.serverprofiles.autoconfigure.deploy;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import io.serverprofiles.autoconfigure.prod.ProdServerDefaults;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged templates, the renderer's values and deploy/README.md name the same
 * placeholders: none is left unfilled, none is filled for nothing, each is documented.
 */
class DeployTemplatesTests {

	private final Set<String> values = Placeholders
		.of(new AppSettings("app", 8080, 8081, "", "", "/actuator", new ProdServerProperties(), Duration.ZERO,
				Duration.ofSeconds(5), 200, null), new DeployProperties())
		.keySet();

	@Test
	void everyPlaceholderInTheTemplatesHasAValueAndEveryValueIsUsed() throws Exception {
		Set<String> used = new TreeSet<>();
		for (DeployBundle.Template template : DeployBundle.templates()) {
			if (!template.path().endsWith(".md")) {
				used.addAll(TemplateRenderer.placeholdersIn(template.read()));
			}
		}
		assertThat(used).containsExactlyInAnyOrderElementsOf(this.values);
	}

	@Test
	void everyPlaceholderIsDocumentedInTheDeployGuide() throws Exception {
		String readme = template("README.md");
		assertThat(TemplateRenderer.placeholdersIn(readme)).containsAll(this.values);
	}

	@Test
	void nginxSendsAsManyRequestsOnAKeptAliveConnectionAsTheAppServesOnIt() throws Exception {
		String site = template("nginx/sites/app.conf.template");
		assertThat(site).contains("keepalive_requests " + ProdServerDefaults.KEEP_ALIVE_REQUESTS + ";");
		assertThat(ProdServerDefaults.properties()).containsEntry("server.tomcat.max-keep-alive-requests",
				String.valueOf(ProdServerDefaults.KEEP_ALIVE_REQUESTS));
	}

	@Test
	void theTemplatesArePackagedFromTheRepositorysDeployFolder() throws Exception {
		assertThat(DeployBundle.templates()).extracting(DeployBundle.Template::path)
			.contains("nginx/nginx.conf", "nginx/sites/app.conf.template", "nginx/snippets/proxy.conf",
					"nginx/snippets/proxy-to-app.conf", "nginx/snippets/tls.conf", "nginx/snippets/rate-limit.conf",
					"docker/Dockerfile", "docker/compose.yaml", "kubernetes/kustomization.yaml", "systemd/app.service",
					"README.md");
	}

	private static String template(String path) throws Exception {
		return DeployBundle.templates()
			.stream()
			.filter((template) -> template.path().equals(path))
			.findFirst()
			.orElseThrow()
			.read();
	}

}
