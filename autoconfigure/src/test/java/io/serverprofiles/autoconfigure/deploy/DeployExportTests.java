package io.serverprofiles.autoconfigure.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.serverprofiles.autoconfigure.support.TestWebApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --server-profiles.deploy.export=DIR} through a real {@link SpringApplication}
 * start of a web application, with config files from
 * {@code src/test/resources/deploy/app/}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeployExportTests {

	@TempDir
	Path directory;

	@Test
	void theExportOpensNoPortAndWritesEveryFile(CapturedOutput output) {
		try (ConfigurableApplicationContext context = export()) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
		}
		assertThat(this.directory.resolve("nginx/nginx.conf")).exists();
		assertThat(this.directory.resolve("nginx/sites/app.conf")).exists();
		assertThat(this.directory.resolve("nginx/sites/app.conf.template")).exists();
		assertThat(this.directory.resolve("kubernetes/deployment.yaml")).exists();
		assertThat(this.directory.resolve("systemd/app.service")).exists();
		assertThat(output).contains("server-profiles: deploy bundle for shop (port 9000, stop time 50s) written to "
				+ this.directory.toAbsolutePath());
	}

	@Test
	void theBundleCarriesTheProdSettingsEvenFromADevRun() throws Exception {
		export("--server-profiles.mode=dev").close();
		String site = Files.readString(this.directory.resolve("nginx/sites/app.conf"));
		assertThat(site).contains("server 127.0.0.1:9000 ").contains("client_max_body_size 3m;");
		assertThat(site).contains("proxy_read_timeout 45s;").doesNotContain("${");
		assertThat(Files.readString(this.directory.resolve("kubernetes/deployment.yaml")))
			.contains("terminationGracePeriodSeconds: 55")
			.contains("containerPort: 9000");
	}

	@Test
	void documentationIsCopiedWithItsPlaceholderNames() throws Exception {
		export().close();
		assertThat(Files.readString(this.directory.resolve("README.md"))).contains("${CLIENT_MAX_BODY_SIZE}");
	}

	@Test
	void aRandomPortCannotBeExportedAndTheMessageSaysWhatToSet() {
		assertThatThrownBy(() -> export("--server.port=0"))
			.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
			.rootCause()
			.hasMessageContaining("server.port")
			.hasMessageContaining("set server.port (for example --server.port=8080) when exporting");
	}

	@Test
	void theManagementPortMustBeAPortOfItsOwnAndTheMessageSaysWhatToSet() {
		for (String port : new String[] { "9000", "0" }) {
			assertThatThrownBy(() -> export("--management.server.port=" + port))
				.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
				.rootCause()
				.hasMessageContaining("management.server.port")
				.hasMessageContaining("set management.server.port to a port other than server.port");
		}
	}

	@Test
	void everyPlatformFileServesTheActuatorAndLivenessOnTheManagementPort() throws Exception {
		export("--management.server.port=9500").close();
		assertThat(Files.readString(this.directory.resolve("docker/Dockerfile")))
			.contains("ENV MANAGEMENT_SERVER_PORT=9500\n")
			.contains("/dev/tcp/127.0.0.1/$MANAGEMENT_SERVER_PORT && printf 'GET /livez ");
		assertThat(Files.readString(this.directory.resolve("docker/compose.yaml")))
			.contains("MANAGEMENT_SERVER_PORT: \"9500\"")
			.contains("MANAGEMENT_SERVER_ADDRESS: \"127.0.0.1\"")
			.contains("/dev/tcp/127.0.0.1/9500 && printf 'GET /livez ");
		assertThat(Files.readString(this.directory.resolve("systemd/app.service")))
			.contains("\nEnvironment=MANAGEMENT_SERVER_PORT=9500\n")
			.contains("\nEnvironment=MANAGEMENT_SERVER_ADDRESS=127.0.0.1\n");
		assertThat(Files.readString(this.directory.resolve("kubernetes/deployment.yaml")))
			.contains("containerPort: 9500");
	}

	@Test
	void aServerNameTheAllowListRefusesIsAWarning(CapturedOutput output) {
		export("--server-profiles.prod.allowed-hosts=shop.example.com",
				"--server-profiles.deploy.server-name=www.example.com")
			.close();
		assertThat(output).contains("server-profiles.deploy.server-name [www.example.com] is not in "
				+ "server-profiles.prod.allowed-hosts [shop.example.com]: the deployment would answer 400 to every "
				+ "request for it");
		assertThat(this.directory.resolve("nginx/sites/app.conf")).exists();
	}

	@Test
	void aServerNameTheAllowListRefusesFailsAStrictExport() {
		assertThatThrownBy(() -> export("--server-profiles.prod.allowed-hosts=shop.example.com",
				"--server-profiles.deploy.server-name=www.example.com", "--server-profiles.deploy.strict=true"))
			.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
			.rootCause()
			.hasMessageContaining("server-profiles.deploy.server-name")
			.hasMessageContaining("Add it to server-profiles.prod.allowed-hosts");
	}

	@Test
	void aServerNameTheAllowListAllowsIsQuiet(CapturedOutput output) {
		export("--server-profiles.prod.allowed-hosts=.example.com",
				"--server-profiles.deploy.server-name=www.example.com", "--server-profiles.deploy.strict=true")
			.close();
		assertThat(output).doesNotContain("would answer 400");
	}

	@Test
	void anEmptyExportDirectoryIsRefusedWithTheFix() {
		assertThatThrownBy(() -> SpringApplication.run(TestWebApplication.class,
				"--spring.config.location=classpath:/deploy/app/", "--server-profiles.deploy.export="))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("--server-profiles.deploy.export=deploy-out");
	}

	private ConfigurableApplicationContext export(String... args) {
		String[] arguments = new String[args.length + 2];
		arguments[0] = "--spring.config.location=classpath:/deploy/app/";
		arguments[1] = "--server-profiles.deploy.export=" + this.directory;
		System.arraycopy(args, 0, arguments, 2, args.length);
		return SpringApplication.run(TestWebApplication.class, arguments);
	}

}
