package io.serverprofiles.autoconfigure.support;

import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A minimal web app for server tests: an error, a session, a compressible text and an
 * upload.
 */
@SpringBootApplication
public class TestWebApplication {

	/**
	 * Text the {@code /boom} error carries; prod must never show it.
	 */
	public static final String SECRET_DETAIL = "secret detail of a failure";

	/**
	 * Run the app in a process of its own, as a test that stops it with a signal does.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(TestWebApplication.class, args);
	}

	@RestController
	static class Endpoints {

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException(SECRET_DETAIL);
		}

		@GetMapping("/session")
		String session(HttpSession session) {
			session.setAttribute("seen", true);
			return "session " + session.getId().length();
		}

		@GetMapping(path = "/text", produces = "text/plain")
		String text() {
			return "server-profiles compresses text. ".repeat(200);
		}

		@GetMapping("/slow")
		Map<String, Long> slow(@RequestParam long ms) throws InterruptedException {
			Thread.sleep(ms);
			return Map.of("sleptMs", ms);
		}

		@PostMapping("/upload")
		Map<String, Long> upload(@RequestParam("file") MultipartFile file) {
			return Map.of("size", file.getSize());
		}

	}

}
