package io.serverprofiles.autoconfigure.support;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Counts the test app's requests by path, ahead of every other filter: how often a
 * browser loaded a page in this run of the app, or connected to its events.
 */
@Component
public class RequestCounts extends HttpFilter implements Ordered {

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		this.counts.computeIfAbsent(request.getRequestURI(), (path) -> new AtomicInteger()).incrementAndGet();
		chain.doFilter(request, response);
	}

	/**
	 * How many requests for a path this run of the app received.
	 * @param path the path, as the request names it
	 * @return the count
	 */
	public int of(String path) {
		AtomicInteger count = this.counts.get(path);
		return (count != null) ? count.get() : 0;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
