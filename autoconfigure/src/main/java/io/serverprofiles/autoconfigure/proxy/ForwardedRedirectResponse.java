package io.serverprofiles.autoconfigure.proxy;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Makes relative redirects absolute against the forwarded URL, so that the Location the
 * client sees names the public scheme and host on Tomcat and Jetty alike (each container
 * would otherwise build it from the connection it received).
 */
class ForwardedRedirectResponse extends HttpServletResponseWrapper {

	private final ForwardedRequest request;

	ForwardedRedirectResponse(HttpServletResponse response, ForwardedRequest request) {
		super(response);
		this.request = request;
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		super.sendRedirect(absolute(location));
	}

	@Override
	public void sendRedirect(String location, int sc) throws IOException {
		super.sendRedirect(absolute(location), sc);
	}

	@Override
	public void sendRedirect(String location, boolean clearBuffer) throws IOException {
		super.sendRedirect(absolute(location), clearBuffer);
	}

	@Override
	public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
		super.sendRedirect(absolute(location), sc, clearBuffer);
	}

	private String absolute(String location) {
		if (location == null || location.startsWith("//") || URI.create(location.replace(" ", "%20")).isAbsolute()) {
			return location;
		}
		return URI.create(this.request.getRequestURL().toString()).resolve(location).toString();
	}

}
