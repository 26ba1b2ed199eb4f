package io.serverprofiles.autoconfigure.drain;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpHeaders;

/**
 * While readiness refuses traffic (the drain), every HTTP/1.x response says
 * {@code Connection: close}. A proxy then retires its kept-alive connections one answered
 * request at a time, instead of sending a request on an idle one just as graceful
 * shutdown closes it: that request would get no answer, and nginx retries only idempotent
 * ones.
 */
class ConnectionCloseWhileDraining implements Filter, ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

	private volatile boolean draining;

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
		this.draining = event.getState() == ReadinessState.REFUSING_TRAFFIC;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (this.draining && request instanceof HttpServletRequest http && closable(http)) {
			((HttpServletResponse) response).setHeader(HttpHeaders.CONNECTION, "close");
		}
		chain.doFilter(request, response);
	}

	/**
	 * HTTP/2 has no Connection header, and an upgrade handshake needs its own.
	 */
	private static boolean closable(HttpServletRequest request) {
		return request.getProtocol().startsWith("HTTP/1") && request.getHeader(HttpHeaders.UPGRADE) == null;
	}

}
