package io.serverprofiles.autoconfigure.support;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the application sees of the client and the URL, and a redirect, for proxy tests.
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
		seen.put("xForwardedFor", request.getHeader("X-Forwarded-For"));
		return seen;
	}

	@GetMapping("/redirect")
	void redirect(HttpServletResponse response) throws IOException {
		response.sendRedirect("/target");
	}

}
