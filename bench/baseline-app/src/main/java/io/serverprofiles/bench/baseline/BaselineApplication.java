package io.serverprofiles.bench.baseline;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's benchmarked endpoints on plain Spring Boot, as the yardstick for ratios.
 */
@SpringBootApplication
@RestController
public class BaselineApplication {

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

	@GetMapping("/api/hello")
	Hello hello() {
		return new Hello("Hello from server-profiles", "prod");
	}

	@PostMapping("/api/echo")
	Map<String, Object> echo(@Valid @RequestBody Echo echo) {
		return Map.of("message", echo.message(), "length", echo.message().length());
	}

	@GetMapping("/slow")
	Map<String, Long> slow(@RequestParam(defaultValue = "1000") long ms) throws InterruptedException {
		Thread.sleep(ms);
		return Map.of("sleptMs", ms);
	}

	record Hello(String message, String mode) {
	}

	record Echo(@NotBlank String message) {
	}

}
