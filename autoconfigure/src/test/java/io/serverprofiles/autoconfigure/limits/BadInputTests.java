package io.serverprofiles.autoconfigure.limits;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import io.serverprofiles.autoconfigure.accesslog.AccessLogFilter;
import io.serverprofiles.autoconfigure.support.JsonLogLines;
import io.serverprofiles.autoconfigure.support.StartedServerTests;
import io.serverprofiles.test.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input sent to the prod server over a raw socket, as a client or an attacker would
 * send it: every refusal is a short JSON 4xx, logged once at INFO (prod logs JSON lines,
 * read here field by field), never an ERROR or a stack trace, and the server goes on
 * serving.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputTests extends StartedServerTests {

	private static final String BOUNDARY = "server-profiles-boundary";

	private static final String REFUSAL_LOGGER = RefusalLog.class.getName();

	@Override
	protected String[] arguments() {
		return new String[] { "--server-profiles.mode=prod", "--server-profiles.prod.max-request-size=8KB",
				"--server-profiles.prod.max-form-size=6KB",
				// Every test counts its one refusal line; RefusalLogFloodTests
				// tests the rate.
				"--server-profiles.prod.limits.refusal-log-rate=1000" };
	}

	private Instant testStarted;

	@BeforeEach
	void noteTheStart() {
		// A line the previous test's request wrote after it ended is not this test's.
		this.testStarted = Instant.now();
	}

	@Test
	void oversizedHeadersAreRefusedWith431(CapturedOutput output) {
		RawHttp.Response response = send("GET /livez HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(10_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertRefused(response, output, 431,
				"{\"status\":431,\"error\":\"Request Header Fields Too Large\",\"path\":\"/livez\"}",
				"Refused GET /livez with 431: request headers larger than server.max-http-request-header-size");
	}

	@Test
	void oversizedRequestLineIsRefusedWith414(CapturedOutput output) {
		RawHttp.Response response = send(
				"GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertRefused(response, output, 414, "{\"status\":414,\"error\":\"URI Too Long\",\"path\":\"\"}",
				"Refused - - with 414: request line larger than server.max-http-request-header-size");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "GET /a b HTTP/1.1", "GET /%zz HTTP/1.1", "GET /a{b} HTTP/1.1", "GET /a\u0001b HTTP/1.1",
			"GARBAGE" })
	void malformedRequestLinesAreRefusedWith400(String requestLine, CapturedOutput output) {
		RawHttp.Response response = send(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertRefused(response, output, 400, "{\"status\":400,\"error\":\"Bad Request\",\"path\":\"\"}",
				"Refused - - with 400: malformed request");
	}

	@Test
	void unknownMethodIsRefusedWith501(CapturedOutput output) {
		RawHttp.Response response = send("BREW /livez HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertRefused(response, output, 501, "{\"status\":501,\"error\":\"Not Implemented\",\"path\":\"/livez\"}",
				"Refused BREW /livez with 501: method not in server-profiles.prod.limits.allowed-methods");
	}

	@Test
	void traceIsRefusedWith405(CapturedOutput output) {
		RawHttp.Response response = send("TRACE /livez HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertRefused(response, output, 405, "{\"status\":405,\"error\":\"Method Not Allowed\",\"path\":\"/livez\"}",
				"Refused TRACE /livez with 405: TRACE is never served");
		assertThat(response.header("Allow")).hasValue("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
	}

	@Test
	void bodyOverTheLimitIsRefusedWith413BeforeItIsRead(CapturedOutput output) {
		RawHttp.Response response = send(post("/limits/json", "application/json", json(10_000)));
		assertRefused(response, output, 413,
				"{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/limits/json\"}",
				"Refused POST /limits/json with 413: body larger than server-profiles.prod.max-request-size (8192B)");
	}

	@Test
	void chunkedBodyOverTheLimitIsRefusedWith413WhenAConverterReadsIt(CapturedOutput output) {
		RawHttp.Response response = send(postChunked("/limits/json", "application/json", json(10_000)));
		assertRefused(response, output, 413,
				"{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/limits/json\"}",
				"Refused POST /limits/json with 413: Request body is larger than server-profiles.prod.max-request-size (8192B)");
	}

	@Test
	void chunkedBodyOverTheLimitIsRefusedWith413WhenTheStreamIsRead(CapturedOutput output) {
		RawHttp.Response response = send(postChunked("/limits/stream", "application/octet-stream", "x".repeat(10_000)));
		assertRefused(response, output, 413,
				"{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/limits/stream\"}",
				"Refused POST /limits/stream with 413: Request body is larger than server-profiles.prod.max-request-size (8192B)");
	}

	@Test
	void uploadOverTheLimitIsRefusedWith413(CapturedOutput output) {
		RawHttp.Response response = send(post("/upload", "multipart/form-data; boundary=" + BOUNDARY, upload(10_000)));
		assertRefused(response, output, 413, "{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/upload\"}",
				"Refused POST /upload with 413: body larger than server-profiles.prod.max-request-size (8192B)");
	}

	@Test
	void chunkedUploadOverTheLimitIsRefusedWith413(CapturedOutput output) {
		RawHttp.Response response = send(
				postChunked("/upload", "multipart/form-data; boundary=" + BOUNDARY, upload(10_000)));
		assertRefused(response, output, 413, "{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/upload\"}",
				"Refused POST /upload with 413: upload larger than spring.servlet.multipart.max-file-size or max-request-size");
	}

	@Test
	void formOverTheFormLimitIsRefusedWith413(CapturedOutput output) {
		RawHttp.Response response = send(post("/limits/form", "application/x-www-form-urlencoded", form(7_000)));
		assertRefused(response, output, 413,
				"{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/limits/form\"}",
				"Refused POST /limits/form with 413: form larger than server-profiles.prod.max-form-size (6144B)");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "/upload, multipart/form-data", "/upload, multipart/form-data; boundary=",
			"/nowhere, multipart/form-data" })
	void multipartBodyWithoutABoundaryIsRefusedWith400(String path, String contentType, CapturedOutput output) {
		RawHttp.Response response = send(post(path, contentType, upload(100)));
		assertRefused(response, output, 400, "{\"status\":400,\"error\":\"Bad Request\",\"path\":\"" + path + "\"}",
				"Refused POST " + path + " with 400: multipart body that cannot be parsed (no boundary, or malformed)");
	}

	@Test
	void formWithMoreThan1000ParametersIsRefusedWith400(CapturedOutput output) {
		RawHttp.Response response = send(
				post("/limits/form", "application/x-www-form-urlencoded", formWithParameters(1001)));
		// The reason names the container's own limit.
		assertRefused(response, output, 400, "{\"status\":400,\"error\":\"Bad Request\",\"path\":\"/limits/form\"}",
				"Refused POST /limits/form with 400: ");
	}

	@Test
	void formWith1000ParametersIsServed() {
		assertThat(send(post("/limits/form", "application/x-www-form-urlencoded", formWithParameters(1000))).body())
			.isEqualTo("{\"fields\":1000}");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(
			strings = { "/actuator;/prometheus", "/actuator/health;x", "/api%3Bx", "/api%3bx", "/text;jsessionid=abc" })
	void pathWithAParameterIsRefusedWith400(String path, CapturedOutput output) {
		RawHttp.Response response = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertRefused(response, output, 400, "{\"status\":400,\"error\":\"Bad Request\",\"path\":\"" + path + "\"}",
				"Refused GET " + path
						+ " with 400: path parameter (;) not allowed, see server-profiles.prod.limits.allow-path-parameters");
	}

	@Test
	void chunkedFormIsRefusedWith411(CapturedOutput output) {
		RawHttp.Response response = send(postChunked("/limits/form", "application/x-www-form-urlencoded", form(10)));
		assertRefused(response, output, 411, "{\"status\":411,\"error\":\"Length Required\",\"path\":\"/limits/form\"}",
				"Refused POST /limits/form with 411: form without Content-Length");
	}

	@Test
	void formWithoutABodyIsServed() {
		// Neither Content-Length nor Transfer-Encoding: an HTTP/1.1 request without a
		// body, not a form of unknown length.
		assertThat(send("POST /limits/form HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n")
			.body()).isEqualTo("{\"fields\":0}");
	}

	@Test
	void bodiesWithinTheLimitsAreServed() {
		assertThat(send(postChunked("/limits/json", "application/json", json(3_000))).body()).isEqualTo("{\"keys\":1}");
		assertThat(send(postChunked("/limits/stream", "text/plain", "x".repeat(4096))).body())
			.isEqualTo("{\"bytes\":4096}");
		assertThat(send(post("/limits/form", "application/x-www-form-urlencoded", form(900))).body())
			.isEqualTo("{\"fields\":1}");
		assertThat(send(postChunked("/upload", "multipart/form-data; boundary=" + BOUNDARY, upload(3_000))).body())
			.isEqualTo("{\"size\":3000}");
	}

	@Test
	void bodiesExactlyAtTheLimitsAreServed() {
		assertThat(send(post("/limits/json", "application/json", json(8192))).body()).isEqualTo("{\"keys\":1}");
		assertThat(send(postChunked("/limits/stream", "text/plain", "x".repeat(8192))).body())
			.isEqualTo("{\"bytes\":8192}");
		assertThat(send(post("/limits/form", "application/x-www-form-urlencoded", form(6144))).body())
			.isEqualTo("{\"fields\":1}");
	}

	@Test
	void chunkedBodyOneByteOverTheLimitIsRefusedWith413(CapturedOutput output) {
		RawHttp.Response response = send(postChunked("/limits/stream", "text/plain", "x".repeat(8193)));
		assertRefused(response, output, 413,
				"{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/limits/stream\"}",
				"Refused POST /limits/stream with 413: Request body is larger than server-profiles.prod.max-request-size (8192B)");
	}

	@Test
	void formOverTheFormLimitIsRefusedWhateverTheCaseOfItsType(CapturedOutput output) {
		RawHttp.Response response = send(post("/limits/form", "Application/X-WWW-Form-URLencoded", form(7_000)));
		assertRefused(response, output, 413,
				"{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/limits/form\"}",
				"Refused POST /limits/form with 413: form larger than server-profiles.prod.max-form-size (6144B)");
	}

	@Test
	void chunkedBodyReadByteByByteIsCountedToo(CapturedOutput output) {
		assertThat(send(postChunked("/limits/stream?bytewise=true", "text/plain", "x".repeat(8192))).body())
			.isEqualTo("{\"bytes\":8192}");
		RawHttp.Response response = send(postChunked("/limits/stream?bytewise=true", "text/plain", "x".repeat(10_000)));
		assertRefused(response, output, 413,
				"{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/limits/stream\"}",
				"Refused POST /limits/stream with 413: Request body is larger than server-profiles.prod.max-request-size (8192B)");
	}

	@Test
	void chunkedBodyReadAsTextIsDecodedInItsCharset() {
		// 100 characters of two bytes each in UTF-8 (Boot's request encoding).
		String text = "\u00e9".repeat(100);
		assertThat(send(postChunkedUtf8("/limits/text", "text/plain;charset=UTF-8", text)).body())
			.isEqualTo("{\"chars\":100}");
	}

	@Test
	void chunkedBodyReadAsTextOverTheLimitIsRefusedWith413(CapturedOutput output) {
		RawHttp.Response response = send(postChunked("/limits/text", "text/plain", "x".repeat(10_000)));
		assertRefused(response, output, 413,
				"{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/limits/text\"}",
				"Refused POST /limits/text with 413: Request body is larger than server-profiles.prod.max-request-size (8192B)");
	}

	@Test
	void chunkedBodyOverTheLimitIsRefusedWith413WhenAPlainServletReadsIt(CapturedOutput output) {
		assertThat(send(postChunked("/limits/servlet", "text/plain", "x".repeat(4096))).body())
			.isEqualTo("{\"bytes\":4096}");
		RawHttp.Response response = send(postChunked("/limits/servlet", "text/plain", "x".repeat(10_000)));
		assertRefused(response, output, 413,
				"{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/limits/servlet\"}",
				"Refused POST /limits/servlet with 413: Request body is larger than server-profiles.prod.max-request-size (8192B)");
	}

	@Test
	void aClientStillSendingAnOversizedBodyReadsTheRefusal() {
		// The server answers after the headers; unless it reads the rest of the body
		// before closing, a client still sending gets a reset instead of the answer
		// (seen on Jetty for about one 1MB upload in ten).
		HttpRequest upload = HttpRequest.newBuilder(server().uri("/upload"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofString(upload(1_000_000)))
			.build();
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> response = server().sendOnNewConnection(upload, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.body())
				.isEqualTo("{\"status\":413,\"error\":\"Content Too Large\",\"path\":\"/upload\"}");
		}
	}

	@Test
	void aRefusedTraceLeavesTheConnectionUsable() {
		try (RawHttp.Connection connection = RawHttp.to(server().port()).open()) {
			connection.write("TRACE /livez HTTP/1.1\r\nHost: localhost\r\n\r\n");
			assertThat(connection.readResponse().status()).isEqualTo(405);
			connection.write("GET /livez HTTP/1.1\r\nHost: localhost\r\n\r\n");
			assertThat(connection.readResponse().status()).isEqualTo(200);
		}
	}

	private void assertRefused(RawHttp.Response response, CapturedOutput output, int status, String body,
			String refusal) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(MediaType.parseMediaType(response.header("Content-Type").orElseThrow()))
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
		assertThat(response.header("Cache-Control")).hasValue("no-store");
		assertThat(response.body()).isEqualTo(body).doesNotContain("Exception").doesNotContain("trace");
		// Its length, so that a client still holding back its body reads the answer
		// without waiting for the connection to close.
		assertThat(response.header("Content-Length"))
			.hasValue(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
		// The security headers of every answer, also when the container refused the
		// request before any filter.
		assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.header("X-Frame-Options")).isPresent();
		assertThat(response.header("Referrer-Policy")).isPresent();
		// One access-log line with the status and the bytes really sent, written once the
		// response is complete.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(JsonLogLines.of(output.getOut()))
				.filteredOn((line) -> AccessLogFilter.LOGGER_NAME.equals(line.logger())
						&& !Instant.parse(line.field("@timestamp")).isBefore(this.testStarted)
						&& String.valueOf(status).equals(line.field("http.response.status_code")))
				.singleElement()
				.satisfies((line) -> assertThat(line.field("http.response.body.bytes"))
					.isEqualTo(String.valueOf(body.getBytes(StandardCharsets.UTF_8).length))));
		List<JsonLogLines.Line> logged = JsonLogLines.of(output.getOut());
		assertThat(logged).filteredOn((line) -> REFUSAL_LOGGER.equals(line.logger()))
			.singleElement()
			.satisfies((line) -> {
				assertThat(line.level()).isEqualTo("INFO");
				assertThat(line.message()).startsWith(refusal);
			});
		assertThat(logged).as("lines at ERROR").filteredOn((line) -> "ERROR".equals(line.level())).isEmpty();
		assertThat(logged).as("lines with an exception")
			.filteredOn((line) -> line.has("error.type") || line.has("error.stack_trace"))
			.isEmpty();
		assertThat(server().get("/livez").statusCode()).isEqualTo(200);
	}

	private RawHttp.Response send(String request) {
		return RawHttp.to(server().port()).send(request);
	}

	private static String post(String path, String contentType, String body) {
		return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\nContent-Length: "
				+ body.length() + "\r\nConnection: close\r\n\r\n" + body;
	}

	private static String postChunked(String path, String contentType, String body) {
		StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
				+ contentType + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
		for (int start = 0; start < body.length(); start += 1000) {
			String chunk = body.substring(start, Math.min(body.length(), start + 1000));
			request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
		}
		return request.append("0\r\n\r\n").toString();
	}

	/**
	 * A chunked request whose body is sent as UTF-8 bytes, written as ISO-8859-1
	 * characters one per byte, the way {@link RawHttp} writes.
	 */
	private static String postChunkedUtf8(String path, String contentType, String body) {
		return postChunked(path, contentType,
				new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
	}

	private static String json(int size) {
		return "{\"a\":\"" + "x".repeat(size - 8) + "\"}";
	}

	private static String form(int size) {
		return "a=" + "x".repeat(size - 2);
	}

	private static String formWithParameters(int count) {
		return String.join("&", IntStream.range(0, count).mapToObj((key) -> key + "=").toList());
	}

	private static String upload(int size) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(size) + "\r\n--" + BOUNDARY + "--\r\n";
	}

}
