package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;

import org.eclipse.jetty.server.Connector;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Gives Jetty a deadline on the request line and headers, through
 * {@link JettyHeaderReadDeadline} wrapped around the server's handler and listening to
 * every connector.
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
				connector.addEventListener(deadline.connectionListener());
			}
		});
	}

	@Override
	public int getOrder() {
		return RequestLimitsAutoConfiguration.CUSTOMIZER_ORDER;
	}

}
