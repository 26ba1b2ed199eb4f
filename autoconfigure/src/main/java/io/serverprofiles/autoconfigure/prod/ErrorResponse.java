package io.serverprofiles.autoconfigure.prod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonWriter;
import org.springframework.http.HttpStatus;

/**
 * The short JSON body every refusal of the prod server answers with:
 * {@code {"status":413,"error":"Content Too Large","path":"/upload"}}. No stack trace, no
 * exception class; {@code Cache-Control: no-store} so that no cache keeps it. A refusal
 * that the user can lift (the dev server's Host check) adds a {@code message} that says
 * how.
 */
public final class ErrorResponse {

	private ErrorResponse() {
	}

	/**
	 * The JSON body for a status and path.
	 * @param status the HTTP status code
	 * @param path the request path
	 * @return the body
	 */
	public static String body(int status, String path) {
		return body(status, path, null);
	}

	/**
	 * The JSON body for a status and path, with a message when there is one.
	 * @param status the HTTP status code
	 * @param path the request path
	 * @param message what the user can do about it, or {@code null} for none
	 * @return the body
	 */
	public static String body(int status, String path, @Nullable String message) {
		HttpStatus known = HttpStatus.resolve(status);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status);
		body.put("error", (known != null) ? known.getReasonPhrase() : "Error");
		body.put("path", path);
		if (message != null) {
			body.put("message", message);
		}
		return JsonWriter.standard().writeToString(body);
	}

	/**
	 * Send the JSON body, unless the response is already committed.
	 * @param response the response
	 * @param status the HTTP status code
	 * @param path the request path
	 * @throws IOException if writing fails
	 */
	public static void send(HttpServletResponse response, int status, String path) throws IOException {
		send(response, status, path, null);
	}

	/**
	 * Send the JSON body with a message, unless the response is already committed.
	 * @param response the response
	 * @param status the HTTP status code
	 * @param path the request path
	 * @param message what the user can do about it, or {@code null} for none
	 * @throws IOException if writing fails
	 */
	public static void send(HttpServletResponse response, int status, String path, @Nullable String message)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Cache-Control", "no-store");
		// A length, so that a client reads the whole answer at once: without one, an
		// answer with Connection: close ends only when the connection does, and a client
		// that announced a body it has not sent yet waits for the server's timeout.
		String body = body(status, path, message);
		response.setContentLength(body.getBytes(StandardCharsets.UTF_8).length);
		response.getWriter().write(body);
		response.flushBuffer();
	}

}
