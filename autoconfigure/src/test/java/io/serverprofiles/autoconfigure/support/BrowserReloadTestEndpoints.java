package io.serverprofiles.autoconfigure.support;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Endpoints of the test app for the dev server's browser reload: a page, and responses of
 * other kinds (JSON, an asynchronous page, an event stream that stays open until told to
 * end) that must pass through unchanged.
 */
@RestController
@RequestMapping("/reload-test")
public class BrowserReloadTestEndpoints {

	/**
	 * The page's markup.
	 */
	public static final String PAGE = "<!doctype html><html><head><title>Reload</title></head>"
			+ "<body><p>Loaded</p></body></html>";

	private final AtomicReference<SseEmitter> events = new AtomicReference<>();

	@GetMapping(path = "/page", produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		return PAGE;
	}

	@GetMapping("/json")
	Map<String, String> json() {
		return Map.of("page", "<html><head></head></html>");
	}

	@GetMapping(path = "/async-page", produces = MediaType.TEXT_HTML_VALUE)
	Callable<String> asyncPage() {
		return () -> PAGE;
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events() throws IOException {
		SseEmitter emitter = new SseEmitter(0L);
		emitter.send(SseEmitter.event().name("first").data("<head></head>"));
		this.events.set(emitter);
		return emitter;
	}

	@GetMapping("/events/end")
	String endEvents() throws IOException {
		SseEmitter emitter = this.events.getAndSet(null);
		emitter.send(SseEmitter.event().name("last").data("</body>"));
		emitter.complete();
		return "ended";
	}

}
