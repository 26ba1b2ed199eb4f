package io.serverprofiles.bench.baseline;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
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

	/**
	 * Headers set on every response by the plainest filter, when the benchmark asks for
	 * them ({@code --baseline.headers[Name]=value}): the same bytes as the demo's security
	 * headers, without its machinery. Off (no filter in the chain) otherwise.
	 */
	@Bean
	FilterRegistrationBean<jakarta.servlet.Filter> staticHeaders(Environment environment) {
		Map<String, String> headers = Binder.get(environment)
			.bind("baseline.headers", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(
				(request, response, chain) -> {
					jakarta.servlet.http.HttpServletResponse http = (jakarta.servlet.http.HttpServletResponse) response;
					headers.forEach(http::setHeader);
					chain.doFilter(request, response);
				});
		registration.setEnabled(!headers.isEmpty());
		return registration;
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
