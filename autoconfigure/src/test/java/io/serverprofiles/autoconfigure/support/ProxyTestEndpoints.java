package io.serverprofiles.autoconfigure.support;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the application sees of the client, the URL and the headers, and a redirect, for
 * proxy tests.
 */
@RestController
class ProxyTestEndpoints {

	@GetMapping("/whoami")
	Map<String, Object> whoami(HttpServletRequest request) {
		Map<String, Object> seen = new LinkedHashMap<>();
		seen.put("remoteAddr", request.getRemoteAddr());
		seen.put("remoteHost", request.getRemoteHost());
		seen.put("scheme", request.getScheme());
		seen.put("secure", request.isSecure());
		seen.put("serverName", request.getServerName());
		seen.put("serverPort", request.getServerPort());
		seen.put("requestUrl", request.getRequestURL().toString());
		return seen;
	}

	/**
	 * The headers the application sees: every name it lists, and the value of each name
	 * it asks for, as text, as a number and as a date.
	 * @param request the request as the application has it
	 * @param read the header names to ask for one by one
	 * @return {@code listed} (lower case), {@code read} (name to value or null),
	 * {@code readAll} (name to values), {@code readAsInt} and {@code readAsDate} (name to
	 * value, -1 for none)
	 */
	@GetMapping("/headers")
	Map<String, Object> headers(HttpServletRequest request, @RequestParam List<String> read) {
		List<String> listed = Collections.list(request.getHeaderNames())
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.toList();
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, List<String>> all = new LinkedHashMap<>();
		Map<String, Integer> ints = new LinkedHashMap<>();
		Map<String, Long> dates = new LinkedHashMap<>();
		read.forEach((name) -> {
			values.put(name, request.getHeader(name));
			all.put(name, Collections.list(request.getHeaders(name)));
			ints.put(name, request.getIntHeader(name));
			dates.put(name, request.getDateHeader(name));
		});
		Map<String, Object> seen = new LinkedHashMap<>();
		seen.put("listed", listed);
		seen.put("read", values);
		seen.put("readAll", all);
		seen.put("readAsInt", ints);
		seen.put("readAsDate", dates);
		return seen;
	}

	/**
	 * A redirect to {@code to}, through the {@code sendRedirect} variant the application
	 * chose.
	 * @param response the response
	 * @param to the location, relative by default
	 * @param status the status to redirect with, or none for the default variant
	 * @param clearBuffer whether to clear the buffer, or none for the default variant
	 * @throws IOException if the redirect cannot be sent
	 */
	@GetMapping("/redirect")
	void redirect(HttpServletResponse response, @RequestParam(defaultValue = "/target") String to,
			@RequestParam(required = false) Integer status, @RequestParam(required = false) Boolean clearBuffer)
			throws IOException {
		if (status != null && clearBuffer != null) {
			response.sendRedirect(to, status, clearBuffer);
		}
		else if (status != null) {
			response.sendRedirect(to, status);
		}
		else if (clearBuffer != null) {
			response.sendRedirect(to, clearBuffer);
		}
		else {
			response.sendRedirect(to);
		}
	}

}
