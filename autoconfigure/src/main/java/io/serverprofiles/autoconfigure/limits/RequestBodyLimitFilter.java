package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * Refuses a request body over the limit with 413 before anything reads it when its length
 * is declared, and counts it as it is read when it is not (chunked). URL-encoded forms
 * have their own, smaller limit, as the containers do, and must declare their length (411
 * otherwise). Every body the application reads is held to the minimum rate (408).
 */
final class RequestBodyLimitFilter extends HttpFilter {

	private final DataSize maxRequestSize;

	private final DataSize maxFormSize;

	private final BodyRate rate;

	private final RefusedBody refusedBody;

	RequestBodyLimitFilter(DataSize maxRequestSize, DataSize maxFormSize, BodyRate rate, RefusedBody refusedBody) {
		this.maxRequestSize = maxRequestSize;
		this.maxFormSize = maxFormSize;
		this.rate = rate;
		this.refusedBody = refusedBody;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (isForm(request) && length > this.maxFormSize.toBytes()) {
			refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
					"form larger than server-profiles.prod.max-form-size (" + this.maxFormSize + ")");
		}
		else if (isForm(request) && length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
			// The container parses forms itself and fails a chunked one over its limit
			// with an exception; browsers always send a form's length.
			refuse(request, response, HttpServletResponse.SC_LENGTH_REQUIRED, "form without Content-Length");
		}
		else if (length > this.maxRequestSize.toBytes()) {
			refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
					"body larger than server-profiles.prod.max-request-size (" + this.maxRequestSize + ")");
		}
		else if (length > 0 || (length < 0 && hasBodyOfUnknownLength(request))) {
			doFilterChecked(request, response, chain);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private void doFilterChecked(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(new CheckedBodyRequest(request, this.maxRequestSize, this.rate), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			ClientError error = ClientError.in(ex);
			if (error == null || response.isCommitted()) {
				throw ex;
			}
			refuse(request, response, error.status(), error.reason());
		}
	}

	/**
	 * HTTP/1.1 marks a body without a declared length with Transfer-Encoding; without
	 * either header there is no body (RFC 9112 §6.3). HTTP/2 sends such a body in frames,
	 * with no header to tell.
	 */
	static boolean hasBodyOfUnknownLength(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || !request.getProtocol().startsWith("HTTP/1.");
	}

	private static boolean isForm(HttpServletRequest request) {
		return hasContentType(request, MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	static boolean hasContentType(HttpServletRequest request, String prefix) {
		String contentType = request.getContentType();
		return contentType != null && contentType.regionMatches(true, 0, prefix, 0, prefix.length());
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason)
			throws IOException {
		this.refusedBody.refuse(request, response, status, reason);
	}

}
