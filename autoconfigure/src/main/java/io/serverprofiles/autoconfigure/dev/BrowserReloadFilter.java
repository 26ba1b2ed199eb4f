package io.serverprofiles.autoconfigure.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;

/**
 * The dev server's browser reload: adds the reload script's tag to each HTML page that a
 * browser asks for, and serves the script and its events under a path of its own. The
 * script is a file of the same origin, not inline code, so a Content-Security-Policy of
 * {@code script-src 'self'} allows it. Requests that do not accept HTML pass through
 * untouched.
 */
final class BrowserReloadFilter extends HttpFilter {

	/**
	 * Where the dev server's own files are, in the application's context path.
	 */
	static final String PATH = "/.server-profiles/";

	/**
	 * Path of the script that pages load.
	 */
	static final String SCRIPT_PATH = PATH + "reload.js";

	/**
	 * Path of the events the script listens to, beside the script.
	 */
	static final String EVENTS_PATH = PATH + "events";

	private final BrowserReloadEvents events;

	private final byte[] script = script();

	BrowserReloadFilter(BrowserReloadEvents events) {
		this.events = events;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.REQUEST && "GET".equals(request.getMethod())) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (SCRIPT_PATH.equals(path)) {
				sendScript(response);
				return;
			}
			if (EVENTS_PATH.equals(path)) {
				this.events.connect(request, response);
				return;
			}
		}
		if (!acceptsPage(request)) {
			chain.doFilter(request, response);
			return;
		}
		ScriptTagInsertingResponse page = new ScriptTagInsertingResponse(response,
				new ReloadScriptTag(request.getContextPath()));
		chain.doFilter(request, page);
		page.finish(request.isAsyncStarted());
	}

	/**
	 * Whether the request is a browser's for a page: a GET (not a form's POST, which a
	 * reload would send again) or a HEAD that accepts {@code text/html} by name.
	 */
	private static boolean acceptsPage(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return false;
		}
		try {
			return Collections.list(request.getHeaders(HttpHeaders.ACCEPT))
				.stream()
				.flatMap((accept) -> MimeTypeUtils.parseMimeTypes(accept).stream())
				.anyMatch(MimeTypeUtils.TEXT_HTML::equalsTypeAndSubtype);
		}
		catch (InvalidMimeTypeException ex) {
			return false;
		}
	}

	private void sendScript(HttpServletResponse response) throws IOException {
		response.setContentType("text/javascript");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(this.script.length);
		response.getOutputStream().write(this.script);
	}

	private static byte[] script() {
		try (InputStream script = BrowserReloadFilter.class.getResourceAsStream("reload.js")) {
			return script.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
