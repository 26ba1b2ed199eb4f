package io.serverprofiles.autoconfigure.prod;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import io.serverprofiles.autoconfigure.support.ServerContainer;
import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.autoconfigure.support.TestWebApplication;
import io.serverprofiles.test.LoopbackPorts;
import io.serverprofiles.test.RawHttp;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod server as a user sees it, on a real container started in prod mode.
 */
class ProdServerTests extends StartedServerTests {

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod", "--server-profiles.prod.max-request-size=4KB" };
	}

	@Test
	void aKeptAliveConnectionServesMoreThanTomcatsDefaultHundredRequests() {
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			for (int i = 1; i <= 150; i++) {
				connection.write("GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n");
				RawHttp.Response response = connection.readResponse();
				assertThat(response.status()).as("request %d", i).isEqualTo(200);
				assertThat(response.header("Connection")).as("request %d", i).isEmpty();
			}
		}
	}

	@Test
	void tomcatClosesAConnectionAfterAsManyRequestsAsNginxSendsOnIt() {
		if (container() == ServerContainer.TOMCAT) {
			Tomcat tomcat = ((TomcatWebServer) ((WebServerApplicationContext) server().context()).getWebServer())
				.getTomcat();
			assertThat(
					((AbstractHttp11Protocol<?>) tomcat.getConnector().getProtocolHandler()).getMaxKeepAliveRequests())
				.isEqualTo(ProdServerDefaults.KEEP_ALIVE_REQUESTS)
				.isEqualTo(1000);
		}
	}

	@Test
	void listensOnAllInterfaces() {
		assertThat(LoopbackPorts.accepts("127.0.0.1", server().port())).isTrue();
		assertThat(LoopbackPorts.accepts("127.0.0.2", server().port())).isTrue();
	}

	@Test
	void errorBodyHasNoStackTraceNoExceptionClassAndNoMessage() {
		HttpResponse<String> response = server().get("/boom");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("\"status\":500")
			.doesNotContain("trace")
			.doesNotContain("IllegalStateException")
			.doesNotContain("java.lang")
			.doesNotContain(TestWebApplication.SECRET_DETAIL);
	}

	@Test
	void onlyHealthInfoAndPrometheusAreExposed() {
		assertThat(server().get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(server().get("/actuator/info").statusCode()).isEqualTo(200);
		assertThat(server().get("/actuator/prometheus").statusCode()).isEqualTo(200);
		for (String sensitive : new String[] { "env", "beans", "configprops", "heapdump", "threaddump", "loggers",
				"mappings", "conditions" }) {
			assertThat(server().get("/actuator/" + sensitive).statusCode()).as(sensitive).isEqualTo(404);
		}
	}

	@Test
	void healthShowsNoDetails() {
		assertThat(server().get("/actuator/health").body()).contains("\"status\":\"UP\"")
			.doesNotContain("components")
			.doesNotContain("details")
			.doesNotContain("diskSpace");
	}

	@Test
	void textIsCompressed() throws IOException {
		HttpResponse<byte[]> response = server().send(
				HttpRequest.newBuilder(server().uri("/text")).header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("server-profiles compresses");
		}
		assertThat(response.body().length).isLessThan(1000);
	}

	@Test
	void sessionCookieIsSecureHttpOnlyAndSameSiteLax() {
		String cookie = server().get("/session").headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void oneLimitPropertySetsTheMultipartLimits() {
		assertThat(server().context().getEnvironment().getProperty("spring.servlet.multipart.max-file-size"))
			.isEqualTo("4KB");
		assertThat(upload(3 * 1024).statusCode()).isEqualTo(200);
	}

	@Test
	void uploadOverTheLimitIsRefusedWith413() {
		assertThat(upload(16 * 1024).statusCode()).isEqualTo(413);
	}

	private HttpResponse<String> upload(int size) {
		String boundary = "server-profiles-boundary";
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		String body = head + "x".repeat(size) + tail;
		return server().sendOnNewConnection(HttpRequest.newBuilder(server().uri("/upload"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
