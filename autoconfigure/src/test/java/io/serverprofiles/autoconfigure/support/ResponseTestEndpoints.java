package io.serverprofiles.autoconfigure.support;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints of the test app that shape their own response: a page of HTML, two that
 * commit early by flushing before they finish, one that sets its own
 * Content-Security-Policy.
 */
@RestController
public class ResponseTestEndpoints {

	/**
	 * The policy {@code /own-csp} sets itself.
	 */
	public static final String OWN_CONTENT_SECURITY_POLICY = "default-src 'self'; img-src https:";

	@GetMapping(path = "/page", produces = "text/html")
	String page() {
		return "<!doctype html><title>A page</title>";
	}

	@GetMapping("/stream")
	void stream(HttpServletResponse response) throws IOException {
		response.setContentType("text/html");
		PrintWriter writer = response.getWriter();
		writer.print("first line, flushed\n");
		writer.flush();
		writer.print("second line\n");
	}

	@GetMapping("/stream-bytes")
	void streamBytes(HttpServletResponse response) throws IOException {
		response.setContentType("application/octet-stream");
		ServletOutputStream out = response.getOutputStream();
		out.write("first bytes, flushed\n".getBytes(StandardCharsets.UTF_8));
		response.flushBuffer();
		out.write("more bytes\n".getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/own-csp")
	String ownContentSecurityPolicy(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", OWN_CONTENT_SECURITY_POLICY);
		return "own policy";
	}

}
