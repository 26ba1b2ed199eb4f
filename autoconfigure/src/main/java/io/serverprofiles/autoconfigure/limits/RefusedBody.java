package io.serverprofiles.autoconfigure.limits;

import java.io.IOException;
import java.io.InputStream;

import io.serverprofiles.autoconfigure.prod.ErrorResponse;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.WebUtils;

/**
 * Answers a request whose body is refused, then reads what is left of that body before
 * the connection closes. A client still sending its body then reads the answer, instead
 * of a connection reset that loses it. A body larger than the drain size is cut off, and
 * so is one refused for being too slow.
 */
final class RefusedBody {

	private final DataSize maxDrainSize;

	private final RefusalLog refusalLog;

	RefusedBody(DataSize maxDrainSize, RefusalLog refusalLog) {
		this.maxDrainSize = maxDrainSize;
		this.refusalLog = refusalLog;
	}

	void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason)
			throws IOException {
		this.refusalLog.refused(status, request.getMethod(), request.getRequestURI(), reason);
		response.setHeader(HttpHeaders.CONNECTION, "close");
		ErrorResponse.send(response, status, request.getRequestURI());
		if (status != HttpServletResponse.SC_REQUEST_TIMEOUT) {
			drain(request);
		}
	}

	private void drain(HttpServletRequest request) {
		long limit = this.maxDrainSize.toBytes();
		if (request.getContentLengthLong() > limit) {
			return;
		}
		try {
			InputStream body = uncounted(request).getInputStream();
			byte[] buffer = new byte[8192];
			for (long left = limit; left > 0;) {
				int read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
				if (read == -1) {
					return;
				}
				left -= read;
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone, or the container has already given up on the body.
		}
	}

	private ServletRequest uncounted(HttpServletRequest request) {
		CheckedBodyRequest checked = WebUtils.getNativeRequest(request, CheckedBodyRequest.class);
		return (checked != null) ? checked.getRequest() : request;
	}

}
