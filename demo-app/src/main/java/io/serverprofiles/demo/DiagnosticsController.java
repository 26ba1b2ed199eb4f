package io.serverprofiles.demo;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that behave badly on purpose, for shutdown, timeout and error tests:
 * {@code GET /slow?ms=N} and {@code GET /boom}.
 */
@RestController
class DiagnosticsController {

	static final long MAX_SLOW_MS = 120_000;

	@GetMapping("/slow")
	Map<String, Long> slow(@RequestParam(defaultValue = "1000") long ms) throws InterruptedException {
		long sleep = Math.max(0, Math.min(ms, MAX_SLOW_MS));
		Thread.sleep(sleep);
		return Map.of("sleptMs", sleep);
	}

	@GetMapping("/boom")
	String boom() {
		throw new IllegalStateException("Demo failure from /boom (a secret detail prod must not show)");
	}

}
