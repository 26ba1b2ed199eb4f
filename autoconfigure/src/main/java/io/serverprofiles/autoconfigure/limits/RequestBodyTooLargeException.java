package io.serverprofiles.autoconfigure.limits;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;

/**
 * Thrown while a request body without a declared length is read, once it passes the
 * limit: answered with 413.
 */
public class RequestBodyTooLargeException extends RefusedBodyException {

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

	@Override
	public int getStatus() {
		return HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
	}

}
