package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.prod.ErrorResponse;
import org.jspecify.annotations.Nullable;

/**
 * A request that Tomcat or Jetty refused before any filter saw it, answered the same way
 * on both. A malformed request (400) or an oversized request line (414) is answered
 * without a path: the server could not read one it trusts.
 *
 * @param status the HTTP status code
 * @param path the request path, or an empty string
 */
record ContainerRefusal(int status, String path) {

	static ContainerRefusal of(int status, @Nullable String path) {
		boolean untrustedPath = status == 400 || status == 414;
		return new ContainerRefusal(status, (untrustedPath || path == null) ? "" : path);
	}

	String body() {
		return ErrorResponse.body(this.status, this.path);
	}

	void log(RefusalLog refusalLog, @Nullable String method) {
		// A 5xx here is the server's own failure, not a refusal; the container logs it.
		if (this.status < 500) {
			refusalLog.refused(this.status, this.path.isEmpty() ? null : method, this.path, reason());
		}
	}

	private String reason() {
		return switch (this.status) {
			case 400 -> "malformed request";
			case 414 -> "request line larger than server.max-http-request-header-size";
			case 431 -> "request headers larger than server.max-http-request-header-size";
			default -> "refused by the server";
		};
	}

}
