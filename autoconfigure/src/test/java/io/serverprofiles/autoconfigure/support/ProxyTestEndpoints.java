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
		seen.put("scheme", request.getScheme());
		seen.put("secure", request.isSecure());
		seen.put("serverName", request.getServerName());
		seen.put("serverPort", request.getServerPort());
		seen.put("requestUrl", request.getRequestURL().toString());
		return seen;
	}

	/**
	 * The headers the application sees: every name it lists, and the value of each name
	 * it asks for.
	 * @param request the request as the application has it
	 * @param read the header names to ask for one by one
	 * @return {@code listed} (lower case) and {@code read} (name to value or null)
	 */
	@GetMapping("/headers")
	Map<String, Object> headers(HttpServletRequest request, @RequestParam List<String> read) {
		List<String> listed = Collections.list(request.getHeaderNames())
			.stream()
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.toList();
		Map<String, String> values = new LinkedHashMap<>();
		read.forEach((name) -> values.put(name, request.getHeader(name)));
		Map<String, Object> seen = new LinkedHashMap<>();
		seen.put("listed", listed);
		seen.put("read", values);
		return seen;
	}

	@GetMapping("/redirect")
	void redirect(HttpServletResponse response) throws IOException {
		response.sendRedirect("/target");
	}

}
