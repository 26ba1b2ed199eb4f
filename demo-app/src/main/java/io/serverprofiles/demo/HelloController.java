package io.serverprofiles.demo;

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
	Hello hello() {
		return new Hello(GREETING, this.serverMode.getMode().profile());
	}

	record Hello(String message, String mode) {
	}

}
