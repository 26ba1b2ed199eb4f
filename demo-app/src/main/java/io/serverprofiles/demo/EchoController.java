package io.serverprofiles.demo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/echo}: validated JSON in, the same message out. {@code PUT} does the
 * same and {@code DELETE} answers 204, so that tests can send every common method.
 */
@RestController
class EchoController {

	@PostMapping("/api/echo")
	Echo echo(@Valid @RequestBody EchoRequest request) {
		return new Echo(request.message(), request.message().length());
	}

	@PutMapping("/api/echo")
	Echo put(@Valid @RequestBody EchoRequest request) {
		return echo(request);
	}

	@DeleteMapping("/api/echo")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete() {
	}

	record EchoRequest(@NotBlank @Size(max = 200) String message) {
	}

	record Echo(String message, int length) {
	}

}
