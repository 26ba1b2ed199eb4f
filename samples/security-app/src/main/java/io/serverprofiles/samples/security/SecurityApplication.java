package io.serverprofiles.samples.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The usual Spring Security app: every request authenticated, HTTP basic. The starter is
 * added and nothing else is changed.
 */
@SpringBootApplication
@RestController
public class SecurityApplication {

	public static void main(String[] args) {
		SpringApplication.run(SecurityApplication.class, args);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			// An API endpoint for clients with credentials, not browsers.
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/echo"))
			.build();
	}

	@GetMapping("/hello")
	String hello() {
		return "hello";
	}

	@PostMapping("/echo")
	String echo(@RequestBody String body) {
		return body;
	}

}
