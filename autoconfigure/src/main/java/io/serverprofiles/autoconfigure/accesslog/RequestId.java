package io.serverprofiles.autoconfigure.accesslog;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code X-Request-Id} of a request: the caller's when it is a safe token (so one id
 * follows a request through nginx and the app), otherwise a new UUID.
 */
final class RequestId {

	/**
	 * Header that carries the id in and out.
	 */
	static final String HEADER = "X-Request-Id";

	/**
	 * MDC key, so that every log line of the request carries the id.
	 */
	static final String MDC_KEY = "requestId";

	// Nothing that could forge a log line or a JSON field.
	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private RequestId() {
	}

	static String honourOrCreate(@Nullable String incoming) {
		if (incoming != null && SAFE.matcher(incoming).matches()) {
			return incoming;
		}
		return UUID.randomUUID().toString();
	}

}
