package io.serverprofiles.bench.baseline;

import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's endpoints on plain Spring Boot, as the yardstick for ratios. The demo's own
 * controllers, WebSocket echo, error advice and static files are compiled in (see the
 * pom), so that startup and memory compare like with like; {@code /api/hello} is written
 * here because the demo's reads the starter's mode.
 */
@SpringBootApplication(scanBasePackages = { "io.serverprofiles.bench.baseline", "io.serverprofiles.demo" })
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
	FilterRegistrationBean<Filter> staticHeaders(Environment environment) {
		Map<String, String> headers = Binder.get(environment)
			.bind("baseline.headers", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
				(request, response, chain) -> {
					headers.forEach(((HttpServletResponse) response)::setHeader);
					chain.doFilter(request, response);
				});
		registration.setEnabled(!headers.isEmpty());
		return registration;
	}

	@GetMapping("/api/hello")
	Hello hello() {
		return new Hello("Hello from server-profiles", "prod");
	}

	record Hello(String message, String mode) {
	}

}
