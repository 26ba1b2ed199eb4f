package io.serverprofiles.autoconfigure.drain;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpHeaders;

/**
 * While readiness refuses traffic (the drain), every HTTP/1.x response says
 * {@code Connection: close}. A Kubernetes Service or a cloud load balancer picks an
 * instance per connection, so a client holding a kept-alive connection to this one
 * (another service's pool, an ingress) would keep using it after the instance left the
 * endpoints, until shutdown cuts it. Closed after an answer, its next connection goes to
 * an instance that stays.
 */
class ConnectionCloseWhileDraining extends HttpFilter
		implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

	private volatile boolean draining;

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
		this.draining = event.getState() == ReadinessState.REFUSING_TRAFFIC;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (this.draining && closable(request)) {
			response.setHeader(HttpHeaders.CONNECTION, "close");
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
