package io.serverprofiles.demo;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.net.ssl.SSLException;

import io.serverprofiles.test.Nginx;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo jar behind the real nginx, configured by the bundle the jar exported: what a
 * user of the deployment sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NginxProxyIT {

	/**
	 * server-profiles.prod.max-request-size of the demo: the default.
	 */
	private static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

	private ProxiedDemo demo;

	private Path staticRoot;

	@BeforeAll
	void start() throws Exception {
		Nginx.assumeInstalled();
		this.staticRoot = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "static");
		Files.createDirectories(this.staticRoot.resolve("css"));
		Files.writeString(this.staticRoot.resolve("css/app.css"), "/* from nginx's static root */\n");
		this.staticRoot.toFile().setReadable(true, false);
		this.staticRoot.toFile().setExecutable(true, false);
		this.demo = ProxiedDemo.start(1, List.of(), List.of("--server-profiles.deploy.static-root=" + this.staticRoot));
	}

	@AfterAll
	void stop() throws Exception {
		if (this.demo != null) {
			this.demo.close();
		}
		if (this.staticRoot != null) {
			FileSystemUtils.deleteRecursively(this.staticRoot);
		}
	}

	@Test
	void httpsServesTheAppWithoutNginxVersion() throws Exception {
		HttpResponse<String> response = get("/api/hello");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Hello from server-profiles");
		assertThat(response.headers().firstValue("Server")).hasValue("nginx");
	}

	@Test
	void httpRedirectsToTheSamePathOverHttps() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.demo.httpPort() + "/api/hello?x=1")));
		assertThat(response.statusCode()).isEqualTo(301);
		assertThat(response.headers().firstValue("Location"))
			.hasValue("https://localhost:" + this.demo.httpsPort() + "/api/hello?x=1");
	}

	@Test
	void theAppSeesTheClientAddressHttpsAndTheRequestIdThroughNginx() throws Exception {
		String response = this.demo.rawHttps()
			.from("127.0.0.2")
			.get("/api/hello", "X-Request-Id: client-seen-1")
			.text();
		assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("X-Request-Id: client-seen-1");
		// The app writes its access-log line once the response is flushed: wait for it.
		String appLine = LogLines.await(this.demo.app(0)::output, "client-seen-1");
		assertThat(appLine).contains("\"127.0.0.2\"").contains("\"https\"").contains("/api/hello");
		String nginxLine = this.demo.awaitNginxAccessLogLine("client-seen-1");
		assertThat(nginxLine).contains("\"client.ip\":\"127.0.0.2\"").contains("\"http.response.status_code\":200");
	}

	/**
	 * No id, and ids the app does not take: one that would break out of a JSON string,
	 * one over 128 characters, one with a space.
	 */
	static Stream<String> unsafeRequestIds() {
		return Stream.of("", "forged\"}{\"x\":1", "long" + "a".repeat(125), "two words");
	}

	@ParameterizedTest
	@MethodSource("unsafeRequestIds")
	void aRequestWithoutASafeIdGetsTheAppsIdInBothLogs(String sent) throws Exception {
		String[] headers = sent.isEmpty() ? new String[0] : new String[] { "X-Request-Id: " + sent };
		RawHttp.Response response = this.demo.rawHttps().from("127.0.0.2").get("/api/hello", headers);
		assertThat(response.status()).isEqualTo(200);
		String id = response.header("X-Request-Id").orElseThrow();
		assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(LogLines.await(this.demo.app(0)::output, id)).contains("/api/hello");
		String nginxLine = this.demo.awaitNginxAccessLogLine(id);
		assertThat(nginxLine).contains("\"http.request.id\":\"" + id + "\"");
		if (!sent.isEmpty()) {
			assertThat(nginxLine).doesNotContain(sent.substring(0, 4));
		}
	}

	@ParameterizedTest
	@CsvSource({ "/actuator/env?x=1, /actuator/env", "/actuator%2fenv?x=1, /actuator/env",
			"/api/hello;a=b?x=1, /api/hello;a=b" })
	void nginxsOwnAnswerIsLoggedWithItsPathAndCarriesTheIdOfItsLine(String target, String path) throws Exception {
		RawHttp.Response response = this.demo.rawHttps().from("127.0.0.1").get(target);
		assertThat(response.status()).isIn(400, 404);
		String id = response.header("X-Request-Id").orElseThrow();
		assertThat(id).matches("[0-9a-f]{32}");
		assertThat(this.demo.awaitNginxAccessLogLine(id)).contains("\"url.path\":\"" + path + "\"")
			.contains("\"url.query\":\"x=1\"")
			.contains("\"http.response.status_code\":" + response.status())
			.contains("\"upstream.address\":\"\"");
	}

	@Test
	void theActuatorAndLivenessAreNotBehindNginxAndReadinessIs() throws Exception {
		// The actuator and liveness live on the management port, which nginx never
		// proxies: nginx's closed location answers, or the app's port, which has none.
		assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(404);
		assertThat(get("/livez").statusCode()).isEqualTo(404);
		assertThat(get("/readyz").statusCode()).isEqualTo(200);
	}

	@Test
	void aBodyOverTheAppsLimitGets413FromNginxAndOneUnderItReachesTheApp() throws Exception {
		// nginx answers from the announced length, before the body is sent.
		String over = this.demo.rawHttps()
			.from("127.0.0.1")
			.sendReadingUntilClosed("POST /upload HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/octet-stream\r\nContent-Length: " + (MAX_REQUEST_BYTES + 1)
					+ "\r\n\r\n");
		assertThat(over).startsWith("HTTP/1.1 413").contains("nginx");
		HttpResponse<String> under = upload(MAX_REQUEST_BYTES - 1024);
		assertThat(under.statusCode()).isEqualTo(200);
		assertThat(under.body()).contains("\"name\":\"big.bin\"");
	}

	@Test
	void aWebSocketEchoesThroughTheProxy() throws Exception {
		CompletableFuture<String> echoed = new CompletableFuture<>();
		WebSocket socket = this.demo.client()
			.newWebSocketBuilder()
			.buildAsync(URI.create("wss://localhost:" + this.demo.httpsPort() + "/ws/echo"), new WebSocket.Listener() {
				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					echoed.complete(data.toString());
					return null;
				}
			})
			.get(10, TimeUnit.SECONDS);
		socket.sendText("hello through nginx", true);
		assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("hello through nginx");
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
	}

	@Test
	void aBurstOverTheRateLimitGets429() throws Exception {
		// 20 r/s with a burst of 40 (the defaults): 120 requests pipelined on one
		// connection, from an address of their own, arrive faster than 20 a second.
		List<String> statuses = pipelinedStatuses("127.0.0.3", "/api/hello", 120);
		long limited = statuses.stream().filter("429"::equals).count();
		System.out.println("rate limit: a burst of 120 requests, " + (statuses.size() - limited) + " served, " + limited
				+ " answered 429");
		assertThat(statuses).hasSize(120).containsOnly("200", "429");
		assertThat(statuses.subList(0, 41)).as("the first request and the burst of 40").containsOnly("200");
		assertThat(limited).isPositive();
	}

	@Test
	void probesHaveALimitOfTheirOwn() throws Exception {
		// 200 r/s with a burst of 100 (ten times the app's rate): 600 pipelined probes
		// from one address arrive faster than that; the app's own limit leaves them out.
		List<String> statuses = pipelinedStatuses("127.0.0.4", "/readyz", 600);
		assertThat(statuses).hasSize(600).containsOnly("200", "429");
		assertThat(statuses.subList(0, 101)).as("more than the app's burst of 40").containsOnly("200");
		assertThat(statuses).contains("429");
		// A probe that failed has its line in nginx's access log; one that succeeded has
		// none.
		long refused = statuses.stream().filter("429"::equals).count();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.demo.nginxAccessLog().lines())
				.filteredOn((line) -> line.contains("\"client.ip\":\"127.0.0.4\""))
				.hasSize((int) refused)
				.allSatisfy((line) -> assertThat(line).contains("\"url.path\":\"/readyz\"")
					.contains("\"http.response.status_code\":429")));
	}

	/**
	 * The statuses of GETs pipelined on one connection from one address, the last one
	 * closing it.
	 */
	private List<String> pipelinedStatuses(String fromAddress, String path, int count) throws Exception {
		String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
		String burst = request.repeat(count - 1) + request.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n");
		Matcher status = Pattern.compile("HTTP/1\\.1 (\\d{3}) ")
			.matcher(this.demo.rawHttps().from(fromAddress).sendReadingUntilClosed(burst));
		List<String> statuses = new ArrayList<>();
		while (status.find()) {
			statuses.add(status.group(1));
		}
		return statuses;
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator;/prometheus", "/actuator;a=b/prometheus", "/actuator/prometheus;",
			"/actuator%3B/prometheus", "/%61ctuator/prometheus", "/actuator%2Fprometheus", "//actuator/prometheus",
			"/./actuator/prometheus", "/actuator/./prometheus", "/actuator/health/../prometheus",
			"/actuator/health/%2e%2e/prometheus", "/actuator/health/..;/prometheus", "/api/..;/actuator/prometheus",
			"/actuator/health;/../prometheus", "/actuator/env", "/actuator/info", "/actuator;/info" })
	void noSpellingOfAClosedActuatorPathReachesTheApp(String path) throws Exception {
		String response = this.demo.rawHttps().from("127.0.0.1").get(path).text();
		assertThat(response).as(path)
			.matches("(?s)HTTP/1\\.1 40[04] .*")
			.contains("\r\n\r\n{\"status\":40")
			.doesNotContain("jvm_")
			.doesNotContain("activeProfiles")
			.doesNotContain("\"app\":");
	}

	@Test
	void nginxsOwnAnswersAreShortJsonWithTheSecurityHeaders() throws Exception {
		HttpResponse<String> closed = get("/actuator/env");
		assertThat(closed.statusCode()).isEqualTo(404);
		assertThat(closed.body()).isEqualTo("{\"status\":404,\"error\":\"Not Found\"}");
		assertThat(closed.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(closed.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(closed.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(closed.headers().firstValue("Content-Security-Policy"))
			.hasValue("default-src 'none'; frame-ancestors 'none'");
		assertThat(closed.headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000; includeSubDomains");
		String parameters = this.demo.rawHttps().from("127.0.0.1").get("/api/hello;jsessionid=x").text();
		assertThat(parameters).startsWith("HTTP/1.1 400").endsWith("{\"status\":400,\"error\":\"Bad Request\"}");
	}

	@Test
	void anotherNameIsDroppedOverHttpsAndHttp() throws Exception {
		String foreignHost = this.demo.rawHttps()
			.from("127.0.0.1")
			.sendReadingUntilClosed("GET /api/hello HTTP/1.1\r\nHost: evil.test\r\nConnection: close\r\n\r\n");
		assertThat(foreignHost).as("no answer at all (444)").isEmpty();
		assertThat(otherServerName("evil.test")).as("a handshake for another name is refused").isEmpty();
		assertThat(plainHttp("evil.test")).as("no redirect to the client's name").isEmpty();
		assertThat(plainHttp("localhost")).startsWith("HTTP/1.1 301")
			.contains("Location: https://localhost:" + this.demo.httpsPort() + "/api/hello?x=1\r\n");
	}

	@Test
	void aForgedForwardedForIsNotBelieved() throws Exception {
		String response = this.demo.rawHttps()
			.from("127.0.0.2")
			.get("/api/hello", "X-Request-Id: forged-1", "X-Forwarded-For: 1.2.3.4")
			.text();
		assertThat(response).startsWith("HTTP/1.1 200");
		String appLine = LogLines.await(this.demo.app(0)::output, "forged-1");
		assertThat(appLine).contains("\"client\":{\"ip\":\"127.0.0.2\"}").doesNotContain("1.2.3.4");
	}

	/**
	 * What a request for this app's name gets over a handshake for another name: nothing
	 * when nginx refuses the handshake.
	 */
	private String otherServerName(String serverName) {
		try {
			return this.demo.rawHttps(serverName)
				.from("127.0.0.1")
				.sendReadingUntilClosed("GET /api/hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof SSLException) {
				return "";
			}
			throw ex;
		}
	}

	private String plainHttp(String host) {
		return RawHttp.to(this.demo.httpPort())
			.sendReadingUntilClosed("GET /api/hello?x=1 HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
	}

	@Test
	void staticAssetsInTheStaticRootComeFromNginxAndOthersFromTheApp() throws Exception {
		HttpResponse<String> fromNginx = get("/css/app.css");
		assertThat(fromNginx.statusCode()).isEqualTo(200);
		assertThat(fromNginx.body()).isEqualTo("/* from nginx's static root */\n");
		HttpResponse<String> fromApp = get("/js/app.js");
		assertThat(fromApp.statusCode()).isEqualTo(200);
		assertThat(fromApp.body()).contains("/api/hello");
	}

	private HttpResponse<String> upload(int bodyBytes) throws Exception {
		String boundary = "nginx-limit";
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		byte[] body = new byte[bodyBytes];
		java.util.Arrays.fill(body, (byte) 'x');
		System.arraycopy(head.getBytes(), 0, body, 0, head.length());
		System.arraycopy(tail.getBytes(), 0, body, bodyBytes - tail.length(), tail.length());
		return send(HttpRequest.newBuilder(this.demo.https("/upload"))
			.version(HttpClient.Version.HTTP_1_1)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(this.demo.https(path)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.demo.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
