package io.serverprofiles.demo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/echo}: validated JSON in, the same message out.
 */
@RestController
class EchoController {

	@PostMapping("/api/echo")
	Echo echo(@Valid @RequestBody EchoRequest request) {
		return new Echo(request.message(), request.message().length());
	}

	record EchoRequest(@NotBlank @Size(max = 200) String message) {
	}

	record Echo(String message, int length) {
	}

}
