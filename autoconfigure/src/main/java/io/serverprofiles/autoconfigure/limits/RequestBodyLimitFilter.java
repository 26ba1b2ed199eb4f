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
 * otherwise).
 */
final class RequestBodyLimitFilter extends HttpFilter {

	private final DataSize maxRequestSize;

	private final DataSize maxFormSize;

	private final RefusedBody refusedBody;

	RequestBodyLimitFilter(DataSize maxRequestSize, DataSize maxFormSize, RefusedBody refusedBody) {
		this.maxRequestSize = maxRequestSize;
		this.maxFormSize = maxFormSize;
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
		else if (length >= 0 || !hasBodyOfUnknownLength(request)) {
			chain.doFilter(request, response);
		}
		else {
			doFilterCounted(request, response, chain);
		}
	}

	private void doFilterCounted(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(new LimitedBodyRequest(request, this.maxRequestSize), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.findIn(ex);
			if (tooLarge == null || response.isCommitted()) {
				throw ex;
			}
			refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge.getMessage());
		}
	}

	/**
	 * HTTP/1.1 marks a body without a declared length with Transfer-Encoding; without
	 * either header there is no body (RFC 9112 §6.3). HTTP/2 sends such a body in frames,
	 * with no header to tell.
	 */
	private static boolean hasBodyOfUnknownLength(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || !request.getProtocol().startsWith("HTTP/1.");
	}

	private boolean isForm(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
				MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason)
			throws IOException {
		this.refusedBody.refuse(request, response, status, reason);
	}

}
