package io.serverprofiles.autoconfigure.dev;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.serverprofiles.autoconfigure.support.BrowserReloadTestEndpoints;
import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The dev server's pages as a browser gets them, on Tomcat and on Jetty, under a context
 * path: each page with one tag for the reload script, and every other response exactly as
 * the application wrote it.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(ServerContainer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserReloadServerTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final String TAG = "<script src=\"/shop/.server-profiles/reload.js\" defer></script>";

	private static final Duration STREAM = Duration.ofSeconds(20);

	@Parameter
	private ServerContainer container;

	private RunningServer server;

	@BeforeParameterizedClassInvocation
	void start() {
		this.server = RunningServer.start(this.container, "--server-profiles.mode=dev",
				"--server.servlet.context-path=/shop");
	}

	@AfterParameterizedClassInvocation
	void stop() {
		this.server.close();
	}

	@Test
	void aPageGetsOneScriptTagBeforeTheEndOfItsHead() {
		HttpResponse<byte[]> page = get("/shop/reload-test/page", BROWSER);
		assertThat(text(page)).isEqualTo(BrowserReloadTestEndpoints.PAGE.replace("</head>", TAG + "</head>"));
		assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(page.body().length);
	}

	@Test
	void aStaticPageGetsTheTagAndAContentLengthThatCountsIt() throws Exception {
		String file = new ClassPathResource("static/reload-test.html").getContentAsString(StandardCharsets.UTF_8);
		HttpResponse<byte[]> page = get("/shop/reload-test.html", BROWSER);
		assertThat(text(page)).isEqualTo(file.replace("</head>", TAG + "</head>"));
		assertThat(page.headers().firstValueAsLong("Content-Length")).hasValue(page.body().length);
	}

	@Test
	void aPageWithoutHeadOrBodyGetsTheTagAtItsEnd() {
		assertThat(text(get("/shop/page", BROWSER))).isEqualTo("<!doctype html><title>A page</title>" + TAG);
	}

	@Test
	void anErrorPageGetsTheTag() {
		HttpResponse<byte[]> error = get("/shop/boom", BROWSER);
		assertThat(error.statusCode()).isEqualTo(500);
		assertThat(text(error)).contains("<html>").containsOnlyOnce(TAG);
	}

	@Test
	void responsesThatAreNotPagesPassThroughByteForByte() {
		for (String path : List.of("/shop/reload-test/json", "/shop/text", "/shop/site.css", "/shop/stream-bytes",
				"/shop/reload-test/async-page")) {
			HttpResponse<byte[]> asWritten = get(path, "*/*");
			HttpResponse<byte[]> toBrowser = get(path, BROWSER);
			assertThat(toBrowser.body()).as(path).isEqualTo(asWritten.body()).asString().doesNotContain("reload.js");
			for (String header : List.of("Content-Type", "Content-Length", "Transfer-Encoding")) {
				assertThat(toBrowser.headers().allValues(header)).as(path + " " + header)
					.isEqualTo(asWritten.headers().allValues(header));
			}
		}
		assertThat(text(get("/shop/reload-test/async-page", BROWSER))).isEqualTo(BrowserReloadTestEndpoints.PAGE);
	}

	@Test
	void anEventStreamToABrowserIsNotHeldBack() throws Exception {
		HttpResponse<InputStream> stream = this.server.send(request("/shop/reload-test/events", BROWSER),
				HttpResponse.BodyHandlers.ofInputStream());
		try (BufferedReader events = reader(stream)) {
			assertThat(readEvent(events)).as("sent while the stream is open")
				.containsExactly("event:first", "data:<head></head>");
			assertThat(text(get("/shop/reload-test/events/end", "*/*"))).isEqualTo("ended");
			assertThat(readEvent(events)).containsExactly("event:last", "data:</body>");
		}
	}

	@Test
	void theScriptIsServedUnderTheContextPathAndNeverCached() {
		HttpResponse<byte[]> script = get("/shop/.server-profiles/reload.js", "*/*");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript");
		assertThat(script.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(text(script)).contains("new EventSource(new URL('events', document.currentScript.src))")
			.contains("location.reload()");
	}

	@Test
	void theEventsNameThisRunOfTheAppThenTellThePageToReload() throws Exception {
		HttpResponse<InputStream> stream = this.server.send(
				request("/shop/.server-profiles/events", "text/event-stream"),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(stream.headers().firstValue("Cache-Control")).hasValue("no-store");
		try (BufferedReader events = reader(stream)) {
			List<String> connected = readEvent(events);
			assertThat(connected).hasSize(3).startsWith("retry: 250", "event: run");
			String run = connected.get(2);
			assertThat(run).matches("data: [0-9a-f-]{36}");
			this.server.context().getBean(BrowserReloadEvents.class).reload();
			assertThat(readEvent(events)).containsExactly("event: reload", run);
		}
	}

	private HttpResponse<byte[]> get(String path, String accept) {
		return this.server.send(request(path, accept), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpRequest request(String path, String accept) {
		return HttpRequest.newBuilder(this.server.uri(path)).header("Accept", accept).timeout(STREAM).build();
	}

	private static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private static BufferedReader reader(HttpResponse<InputStream> stream) {
		return new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
	}

	/**
	 * The lines of the next event, as soon as it arrives.
	 */
	private static List<String> readEvent(BufferedReader events) {
		return assertTimeoutPreemptively(STREAM, () -> {
			List<String> lines = new ArrayList<>();
			for (String line = events.readLine(); line != null && !line.isEmpty(); line = events.readLine()) {
				lines.add(line);
			}
			return lines;
		});
	}

}
