package io.serverprofiles.autoconfigure.accesslog;

import java.io.IOException;

import io.serverprofiles.autoconfigure.web.ProbePaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Gives every request an id (honouring {@code X-Request-Id}, echoing it back and putting
 * it in the MDC) and notes what the access log needs from the application's side: the id,
 * the client and scheme as the trusted proxy reported them, whether it is a probe. The
 * container writes the line once the response is complete (Tomcat's engine, Jetty's
 * request log), so that every response has one line with its real size: error pages and
 * the container's own refusals too.
 */
public class AccessLogFilter extends HttpFilter {

	/**
	 * Logger of the access log.
	 */
	public static final String LOGGER_NAME = "io.serverprofiles.access";

	/**
	 * Request attribute that carries the {@link Seen} to the container's log.
	 */
	static final String SEEN_ATTRIBUTE = AccessLogFilter.class.getName() + ".seen";

	private final ProbePaths probes;

	/**
	 * Create the filter.
	 * @param probes the paths the platforms probe
	 */
	public AccessLogFilter(ProbePaths probes) {
		this.probes = probes;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = RequestId.honourOrCreate(request.getHeader(RequestId.HEADER));
		response.setHeader(RequestId.HEADER, id);
		request.setAttribute(SEEN_ATTRIBUTE,
				new Seen(id, request.getRemoteAddr(), request.getScheme(), this.probes.matches(request)));
		MDC.put(RequestId.MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestId.MDC_KEY);
		}
	}

	/**
	 * What the filter saw of a request, or, for a request the container answered before
	 * any filter, what the container knows.
	 * @param attribute the request's attribute, if the filter saw it
	 * @param requestId the request's X-Request-Id header
	 * @param peer the connection's peer address
	 * @param scheme the connection's scheme, if known
	 * @return what the access log needs
	 */
	static Seen seen(@Nullable Object attribute, @Nullable String requestId, String peer, @Nullable String scheme) {
		return (attribute instanceof Seen seen) ? seen
				: new Seen(RequestId.honourOrCreate(requestId), peer, scheme, false);
	}

	/**
	 * The application's view of a request, for its access-log line.
	 *
	 * @param id the request id
	 * @param client the client address, through trusted proxies
	 * @param scheme the scheme, through trusted proxies; Jetty has none for a request
	 * line it could not parse
	 * @param probe whether a platform probe asked
	 */
	record Seen(String id, String client, @Nullable String scheme, boolean probe) {
	}

}
