package io.serverprofiles.autoconfigure.accesslog;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
		return random();
	}

	/**
	 * A random (version 4) UUID from the thread's own generator. The id correlates log
	 * lines and is no secret; {@link UUID#randomUUID()} draws from one locked
	 * {@code SecureRandom} that every request thread would queue for.
	 */
	private static String random() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
		long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(mostSignificant, leastSignificant).toString();
	}

}
