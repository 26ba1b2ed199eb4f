package io.serverprofiles.autoconfigure.support;

import org.slf4j.MDC;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the application sees of the request id.
 */
@RestController
class AccessLogTestEndpoints {

	@GetMapping(path = "/request-id", produces = "text/plain")
	String requestId() {
		return String.valueOf(MDC.get("requestId"));
	}

}
