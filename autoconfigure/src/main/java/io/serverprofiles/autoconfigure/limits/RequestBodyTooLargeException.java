package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/**
 * Thrown while a request body without a declared length is read, once it passes the
 * limit. Whoever sees it, the body limit filter or the MVC exception resolver, answers
 * 413.
 */
public class RequestBodyTooLargeException extends IOException {

	private final DataSize limit;

	RequestBodyTooLargeException(DataSize limit) {
		super("Request body is larger than server-profiles.prod.max-request-size (" + limit + ")");
		this.limit = limit;
	}

	/**
	 * The limit the body passed.
	 * @return the limit
	 */
	public DataSize getLimit() {
		return this.limit;
	}

	static RequestBodyTooLargeException findIn(Throwable throwable) {
		for (Throwable candidate = throwable; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof RequestBodyTooLargeException tooLarge) {
				return tooLarge;
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return null;
	}

}
