package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Gives Jetty a deadline on the request line and headers, through
 * {@link JettyHeaderReadDeadline} wrapped around the server's handler and listening to
 * the HTTP/1.1 connections of every connector.
 */
class JettyHeaderReadDeadlineCustomizer implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, Ordered {

	private final Duration timeout;

	JettyHeaderReadDeadlineCustomizer(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public void customize(JettyServletWebServerFactory factory) {
		if (this.timeout.compareTo(Duration.ZERO) <= 0) {
			return;
		}
		factory.addServerCustomizers((server) -> {
			JettyHeaderReadDeadline deadline = new JettyHeaderReadDeadline(this.timeout);
			deadline.setHandler(server.getHandler());
			server.setHandler(deadline);
			for (Connector connector : server.getConnectors()) {
				// HTTP/1.1 only: an idle HTTP/2 connection receives control frames, which
				// would look like a request that never ends its headers.
				HttpConnectionFactory http1 = connector.getConnectionFactory(HttpConnectionFactory.class);
				if (http1 != null) {
					http1.addEventListener(deadline.connectionListener());
				}
			}
		});
	}

	@Override
	public int getOrder() {
		return RequestLimitsAutoConfiguration.CUSTOMIZER_ORDER;
	}

}
