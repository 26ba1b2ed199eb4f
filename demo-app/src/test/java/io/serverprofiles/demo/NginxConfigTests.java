package io.serverprofiles.demo;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.serverprofiles.test.DeployBundle;
import io.serverprofiles.test.Nginx;
import io.serverprofiles.test.RequiredTool;
import io.serverprofiles.test.TestCertificates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.serverprofiles.demo.BundleYaml.at;
import static io.serverprofiles.demo.BundleYaml.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every nginx configuration the bundle can produce passes {@code nginx -t}: rendered with
 * the defaults, with other limits and several instances, with OCSP stapling, and filled
 * by envsubst from compose's environment as the official image does.
 */
class NginxConfigTests {

	@TempDir
	Path directory;

	@BeforeEach
	void nginxIsInstalled() {
		Nginx.assumeInstalled();
	}

	@Test
	void theDefaultBundlePassesNginxTest() throws Exception {
		DeployBundle bundle = export();
		assertValid(bundle);
		assertThat(bundle.text("nginx/sites/app.conf")).contains("server 127.0.0.1:8080 max_fails")
			.contains("client_max_body_size 10m;")
			.contains("proxy_read_timeout 30s;")
			.contains("keepalive_timeout 20s;")
			.contains("keepalive_timeout 10s;")
			.doesNotContain("${");
	}

	@Test
	void otherLimitsAndSeveralInstancesPassNginxTest() throws Exception {
		DeployBundle bundle = export("--server-profiles.prod.max-request-size=25MB",
				"--server-profiles.prod.connection-timeout=2500ms", "--server-profiles.prod.shutdown-timeout=1m",
				"--server-profiles.deploy.upstream=127.0.0.1:8081,127.0.0.1:8082,127.0.0.1:8083");
		assertValid(bundle);
		assertThat(bundle.text("nginx/sites/app.conf")).contains("client_max_body_size 25m;")
			.contains("client_header_timeout 2500ms;")
			.contains("proxy_read_timeout 60s;")
			.contains("server 127.0.0.1:8081 ", "server 127.0.0.1:8082 ", "server 127.0.0.1:8083 ");
	}

	@Test
	void ocspStaplingPassesNginxTestWhenIncluded() throws Exception {
		DeployBundle bundle = export();
		Path site = bundle.path("nginx/sites/app.conf");
		String enabled = Files.readString(site)
			.replace("# include snippets/ocsp-stapling.conf;", "include snippets/ocsp-stapling.conf;");
		assertThat(enabled).contains("\n  include snippets/ocsp-stapling.conf;");
		Files.writeString(site, enabled);
		assertValid(bundle);
	}

	@Test
	void theTemplateFilledByEnvsubstFromComposesEnvironmentPassesNginxTest() throws Exception {
		Path envsubst = RequiredTool.ENVSUBST.require();
		DeployBundle bundle = export();
		Map<String, Object> environment = at(yaml(bundle, "docker/compose.yaml"), "services.nginx.environment");
		// Like the image's entrypoint: only the variables that are set, so nginx's own
		// $variables survive.
		String defined = String.join(" ", environment.keySet().stream().map((name) -> "${" + name + "}").toList());
		ProcessBuilder fill = new ProcessBuilder(envsubst.toString(), defined)
			.redirectInput(bundle.path("nginx/sites/app.conf.template").toFile());
		environment.forEach((name, value) -> fill.environment().put(name, String.valueOf(value)));
		// Inside compose "app" resolves to the app container; here it is loopback.
		fill.environment().put("UPSTREAM_SERVER", "127.0.0.1:8080");
		fill.environment().put("ACCESS_LOG", bundle.path("access.log").toString());
		fill.environment().put("ERROR_LOG", bundle.path("error.log").toString());
		Process process = fill.start();
		String site = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).isZero();
		assertThat(site).doesNotContain("${").contains("include snippets/proxy-to-app.conf;");
		Files.writeString(bundle.path("nginx/sites/app.conf"), site);
		assertValid(bundle);
	}

	private DeployBundle export(String... arguments) throws Exception {
		Path logs = Files.createDirectories(this.directory.resolve("logs"));
		List<String> args = new ArrayList<>(List.of("--server-profiles.deploy.access-log=" + logs.resolve("access.log"),
				"--server-profiles.deploy.error-log=" + logs.resolve("error.log")));
		args.addAll(List.of(arguments));
		DeployBundle bundle = DeployBundle.export(DemoApplication.class, this.directory.resolve("bundle"),
				args.toArray(String[]::new));
		TestCertificates.create(bundle.path("nginx"));
		return bundle;
	}

	private static void assertValid(DeployBundle bundle) throws Exception {
		Nginx.Result result = Nginx.test(bundle.path("nginx/nginx.conf"));
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("test is successful").doesNotContain("[emerg]");
	}

}
