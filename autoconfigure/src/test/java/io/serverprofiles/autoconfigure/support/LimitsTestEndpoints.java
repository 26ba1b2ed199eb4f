package io.serverprofiles.autoconfigure.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that read a request body the ways an application does (through a message
 * converter, from the raw input stream in blocks or byte by byte, through the reader, and
 * as form parameters), and two that answer asynchronously.
 */
@RestController
public class LimitsTestEndpoints {

	@PostMapping(path = "/limits/json", consumes = "application/json")
	Map<String, Integer> json(@RequestBody Map<String, String> body) {
		return Map.of("keys", body.size());
	}

	@PostMapping("/limits/stream")
	Map<String, Long> stream(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean bytewise)
			throws IOException {
		try (InputStream in = request.getInputStream()) {
			if (!bytewise) {
				return Map.of("bytes", in.transferTo(OutputStream.nullOutputStream()));
			}
			long bytes = 0;
			while (in.read() != -1) {
				bytes++;
			}
			return Map.of("bytes", bytes);
		}
	}

	@PostMapping("/limits/text")
	Map<String, Long> text(HttpServletRequest request) throws IOException {
		try (Reader in = request.getReader()) {
			return Map.of("chars", in.transferTo(Writer.nullWriter()));
		}
	}

	@GetMapping("/limits/async")
	Callable<Map<String, Long>> async(@RequestParam long ms) {
		return () -> {
			Thread.sleep(ms);
			return Map.of("sleptMs", ms);
		};
	}

	@PostMapping(path = "/limits/async-json", consumes = "application/json")
	Callable<Map<String, Integer>> asyncJson(@RequestBody Map<String, String> body) {
		return () -> Map.of("keys", body.size());
	}

	@PostMapping(path = "/limits/form", consumes = "application/x-www-form-urlencoded")
	Map<String, Integer> form(@RequestParam Map<String, String> fields) {
		return Map.of("fields", fields.size());
	}

}
