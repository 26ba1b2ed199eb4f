package io.serverprofiles.samples.reactive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A WebFlux application that adds the starter (its servlet stack excluded).
 */
@SpringBootApplication
@RestController
public class ReactiveApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReactiveApplication.class, args);
	}

	@GetMapping("/hello")
	String hello() {
		return "hello";
	}

}
