package io.serverprofiles.autoconfigure.dev;

import java.time.Duration;

import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The block the dev server logs once it is ready.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevServerStartupReportTests {

	@Test
	void listsAppActuatorReloadLiveReloadAndHowToSwitch() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.address", "127.0.0.1");
		assertThat(DevServerStartupReport.render(environment, new DevServerProperties(), 8080, true))
			.isEqualTo(String.join(System.lineSeparator(), "server-profiles: dev server ready",
					"  app         http://127.0.0.1:8080/", "  actuator    http://127.0.0.1:8080/actuator",
					"  reload      restart on class changes; " + HotSwapAgent.status(),
					"  livereload  off (deprecated in Spring Boot 4.1); pages reload themselves after a restart or a hot swap",
					"  prod mode   restart with --server-profiles.mode=prod (or SERVER_PROFILES_MODE=prod)"));
	}

	@Test
	void followsContextPathManagementPortAndLiveReload() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.servlet.context-path", "/shop")
			.withProperty("management.server.port", "9090")
			.withProperty("spring.devtools.livereload.enabled", "true");
		assertThat(DevServerStartupReport.render(environment, new DevServerProperties(), 8080, true))
			.contains("app         http://localhost:8080/shop/")
			.contains("actuator    http://localhost:9090/actuator")
			.contains("livereload  http://localhost:35729");
	}

	@Test
	void saysWhenPagesDoNotReloadThemselves() {
		DevServerProperties noBrowserReload = new DevServerProperties();
		noBrowserReload.setBrowserReload(false);
		assertThat(DevServerStartupReport.render(new MockEnvironment(), noBrowserReload, 8080, true))
			.contains("livereload  off (deprecated in Spring Boot 4.1), and so is browser reload "
					+ "(server-profiles.dev.browser-reload=false): refresh the browser after a restart");
	}

	@Test
	void saysWhenClassChangesDoNotReload() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.devtools.restart.enabled", "false");
		assertThat(DevServerStartupReport.render(environment, new DevServerProperties(), 8080, true))
			.contains("reload      off (spring.devtools.restart.enabled=false)");
		DevServerProperties noHotSwap = new DevServerProperties();
		noHotSwap.setHotSwap(false);
		assertThat(DevServerStartupReport.render(new MockEnvironment(), noHotSwap, 8080, true))
			.contains("reload      restart on class changes")
			.doesNotContain("swapped");
	}

	@Test
	void saysWhenDevToolsDoesNotRestartTheApp() {
		assertThat(DevServerStartupReport.render(new MockEnvironment(), new DevServerProperties(), 8080, false))
			.contains("reload      off (devtools does not restart a packaged application)")
			.doesNotContain("swapped");
	}

	@Test
	void isLoggedWhenTheDevServerIsReady(CapturedOutput output) {
		try (RunningServer server = RunningServer.start(ServerContainer.TOMCAT, "--server-profiles.mode=dev")) {
			assertThat(output).contains("server-profiles: dev server ready")
				.contains("app         http://127.0.0.1:" + server.port() + "/");
		}
	}

	@Test
	void isNotLoggedWithoutAnEmbeddedWebServer(CapturedOutput output) {
		// A war in an external container: the context has no web server, so no port.
		try (ServletWebServerApplicationContext context = new ServletWebServerApplicationContext()) {
			new DevServerStartupReport(new DevServerProperties()).onApplicationEvent(
					new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
		}
		assertThat(output).doesNotContain("dev server ready");
	}

	@Test
	void isNotLoggedByTheProdServer(CapturedOutput output) {
		try (RunningServer server = RunningServer.start(ServerContainer.TOMCAT, "--server-profiles.mode=prod")) {
			assertThat(output).contains("server-profiles: PROD").doesNotContain("dev server ready");
		}
	}

}
