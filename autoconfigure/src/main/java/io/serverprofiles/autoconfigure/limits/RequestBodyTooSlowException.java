package io.serverprofiles.autoconfigure.limits;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Thrown while a request body is read, once it arrives slower than
 * {@code server-profiles.prod.limits.min-body-rate}: answered with 408, without waiting
 * for the rest of the body.
 */
public class RequestBodyTooSlowException extends RefusedBodyException {

	RequestBodyTooSlowException(BodyRate rate) {
		super("Request body arrived slower than server-profiles.prod.limits.min-body-rate (" + rate + ")");
	}

	@Override
	public int getStatus() {
		return HttpServletResponse.SC_REQUEST_TIMEOUT;
	}

}
