package io.serverprofiles.autoconfigure.proxy;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import io.serverprofiles.autoconfigure.net.IpLiteral;
import org.jspecify.annotations.Nullable;

/**
 * The request as the client sent it to the first trusted proxy: its address, scheme, host
 * and port. Forwarding headers are hidden from the application either way, so no library
 * downstream reads them again without the trust check.
 */
class ForwardedRequest extends HttpServletRequestWrapper {

	private final @Nullable Hop hop;

	/**
	 * The client address the hop gives, when it is an IP literal.
	 */
	private final @Nullable String clientAddress;

	/**
	 * Wrap a request.
	 * @param request the request as the container received it
	 * @param hop the trusted client hop, or {@code null} to only hide the headers
	 */
	ForwardedRequest(HttpServletRequest request, @Nullable Hop hop) {
		super(request);
		this.hop = hop;
		this.clientAddress = (hop != null && hop.forAddress() != null && IpLiteral.parse(hop.forAddress()) != null)
				? hop.forAddress() : null;
	}

	boolean isForwarded() {
		return this.hop != null;
	}

	@Override
	public String getRemoteAddr() {
		return (this.clientAddress != null) ? this.clientAddress : super.getRemoteAddr();
	}

	@Override
	public String getRemoteHost() {
		return (this.hop != null) ? getRemoteAddr() : super.getRemoteHost();
	}

	@Override
	public String getScheme() {
		return (this.hop != null && this.hop.proto() != null) ? this.hop.proto() : super.getScheme();
	}

	@Override
	public boolean isSecure() {
		return (this.hop != null && this.hop.proto() != null) ? "https".equals(this.hop.proto()) : super.isSecure();
	}

	@Override
	public String getServerName() {
		return (this.hop != null && this.hop.host() != null) ? this.hop.host() : super.getServerName();
	}

	@Override
	public int getServerPort() {
		return (this.hop != null) ? this.hop.portOr(super.getServerPort()) : super.getServerPort();
	}

	@Override
	public StringBuffer getRequestURL() {
		if (this.hop == null) {
			return super.getRequestURL();
		}
		String scheme = getScheme();
		int port = getServerPort();
		boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
		StringBuffer url = new StringBuffer(scheme).append("://").append(getServerName());
		if (!defaultPort) {
			url.append(':').append(port);
		}
		return url.append(getRequestURI());
	}

	@Override
	public @Nullable String getHeader(String name) {
		return ForwardedHeaders.isForwardingHeader(name) ? null : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return ForwardedHeaders.isForwardingHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		List<String> names = Collections.list(super.getHeaderNames());
		names.removeIf(ForwardedHeaders::isForwardingHeader);
		return Collections.enumeration(names);
	}

	@Override
	public long getDateHeader(String name) {
		return ForwardedHeaders.isForwardingHeader(name) ? -1 : super.getDateHeader(name);
	}

	@Override
	public int getIntHeader(String name) {
		return ForwardedHeaders.isForwardingHeader(name) ? -1 : super.getIntHeader(name);
	}

}
