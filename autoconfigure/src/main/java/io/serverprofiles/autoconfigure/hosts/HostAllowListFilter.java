package io.serverprofiles.autoconfigure.hosts;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.serverprofiles.autoconfigure.log.UntrustedText;
import io.serverprofiles.autoconfigure.web.ProbePaths;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Refuses a request whose host is not allowed with a short JSON body (a 400 in prod, a
 * 403 from the dev server's loopback check: see {@link HostRefusal}), and logs each
 * refused host once. Health probes stay reachable by IP address, so that an orchestrator
 * can probe a pod on its own address.
 */
public class HostAllowListFilter extends HttpFilter {

	private static final Log logger = LogFactory.getLog(HostAllowListFilter.class);

	private static final int LOGGED_HOSTS = 1000;

	private static final int LOGGED_HOST_LENGTH = 255;

	private final HostAllowList allowList;

	private final ProbePaths probes;

	private final HostRefusal refusal;

	private final RefusedHosts refusedHosts = new RefusedHosts(LOGGED_HOSTS);

	/**
	 * Create a filter.
	 * @param allowList the hosts to allow
	 * @param probes the paths the platforms probe, answered for IP-address hosts
	 * @param refusal how to answer and log a request for a host not allowed
	 */
	public HostAllowListFilter(HostAllowList allowList, ProbePaths probes, HostRefusal refusal) {
		this.allowList = allowList;
		this.probes = probes;
		this.refusal = refusal;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String host = request.getServerName();
		if (this.allowList.allows(host) || (HostAllowList.isIpLiteral(host) && this.probes.matches(request))) {
			chain.doFilter(request, response);
			return;
		}
		logRefusal(host);
		this.refusal.send(response, request.getRequestURI());
	}

	private void logRefusal(String host) {
		String shown = UntrustedText.printable(HostName.normalize(host), LOGGED_HOST_LENGTH);
		switch (this.refusedHosts.refuse(shown)) {
			case FIRST -> logger.warn(this.refusal.logLine(shown));
			case BOUND_REACHED -> logger.warn("Refused requests for " + this.refusedHosts.bound()
					+ " different hosts; requests for further hosts are refused without logging.");
			default -> {
			}
		}
	}

}
