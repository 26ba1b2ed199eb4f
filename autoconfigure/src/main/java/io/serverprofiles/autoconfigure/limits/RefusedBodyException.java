package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;

/**
 * Thrown while a request body is read, once the body breaks a limit. Whoever sees it, the
 * body limit filter, the read-ahead or the MVC exception resolver, answers with its
 * status and the short JSON body.
 */
public abstract class RefusedBodyException extends IOException {

	private final String reason;

	RefusedBodyException(String reason) {
		super(reason);
		this.reason = reason;
	}

	/**
	 * What the body broke, as the refusal says it; never {@code null}.
	 * @return the reason
	 */
	@Override
	public String getMessage() {
		return this.reason;
	}

	/**
	 * The status a refused body is answered with.
	 * @return the HTTP status code
	 */
	public abstract int getStatus();

}
