package io.serverprofiles.demo;

import java.util.Map;

import io.serverprofiles.autoconfigure.mode.ServerMode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/hello}: a small JSON object that also says which server answered.
 */
@RestController
class HelloController {

	static final String GREETING = "Hello from server-profiles";

	private final ServerMode serverMode;

	HelloController(ServerMode serverMode) {
		this.serverMode = serverMode;
	}

	@GetMapping("/api/hello")
	Map<String, String> hello() {
		return Map.of("message", GREETING, "mode", this.serverMode.getMode().profile());
	}

}
