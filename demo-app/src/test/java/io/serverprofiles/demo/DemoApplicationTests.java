package io.serverprofiles.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's stable endpoints over real HTTP. Under a test runner devtools stays off, so
 * this is the prod server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DemoApplicationTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void indexPageLoadsItsStylesheetAndScript() throws Exception {
		HttpResponse<String> page = get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> type.startsWith("text/html"));
		assertThat(page.body()).contains("href=\"/css/app.css\"").contains("src=\"/js/app.js\"");
		assertThat(page.body()).doesNotContain("<style").doesNotContain("style=").doesNotContain("<script>");
		assertThat(get("/css/app.css").statusCode()).isEqualTo(200);
		assertThat(get("/js/app.js").body()).contains("/api/hello");
	}

	@Test
	void helloIsASmallJsonObjectNamingTheServer() throws Exception {
		assertThat(get("/api/hello").body())
			.isEqualTo("{\"message\":\"Hello from server-profiles\",\"mode\":\"prod\"}");
	}

	@Test
	void echoReturnsTheValidatedMessage() throws Exception {
		HttpResponse<String> response = postJson("/api/echo", "{\"message\":\"hi\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"message\":\"hi\",\"length\":2}");
	}

	@Test
	void echoAnswersInvalidInputWith400AndFieldErrors() throws Exception {
		HttpResponse<String> response = postJson("/api/echo", "{\"message\":\"\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(
				"{\"status\":400,\"error\":\"Bad Request\",\"path\":\"/api/echo\",\"fieldErrors\":{\"message\":\"must not be blank\"}}");
	}

	@Test
	void uploadReportsNameSizeAndDigest() throws Exception {
		String boundary = "demo-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hello.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n";
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/upload"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"name\":\"hello.txt\",\"size\":5,"
				+ "\"sha256\":\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"}");
	}

	@Test
	void slowAnswersWithTheTimeItSlept() throws Exception {
		assertThat(get("/slow?ms=50").body()).isEqualTo("{\"sleptMs\":50}");
	}

	@Test
	void boomIsA500WithoutDetails() throws Exception {
		HttpResponse<String> response = get("/boom");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).doesNotContain("IllegalStateException").doesNotContain("secret");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)));
	}

	private HttpResponse<String> postJson(String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
