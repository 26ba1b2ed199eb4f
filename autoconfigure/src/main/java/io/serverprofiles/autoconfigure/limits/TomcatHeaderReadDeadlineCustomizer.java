package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Gives Tomcat a deadline on the request line and headers, through
 * {@link HeaderReadDeadlineProtocol} in place of the default NIO protocol. A protocol the
 * application chose itself is left alone.
 */
class TomcatHeaderReadDeadlineCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private static final Log logger = LogFactory.getLog(TomcatHeaderReadDeadlineCustomizer.class);

	private final Duration timeout;

	TomcatHeaderReadDeadlineCustomizer(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		if (!TomcatWebServerFactory.DEFAULT_PROTOCOL.equals(factory.getProtocol())) {
			logger.warn("No deadline on request headers: Tomcat uses protocol " + factory.getProtocol()
					+ " instead of the default");
			return;
		}
		factory.setProtocol(HeaderReadDeadlineProtocol.class.getName());
		factory.addProtocolHandlerCustomizers((TomcatProtocolHandlerCustomizer<HeaderReadDeadlineProtocol>) (
				protocol) -> PropertyMapper.get().from(this.timeout).to(protocol::setHeaderReadTimeout));
	}

	@Override
	public int getOrder() {
		return RequestLimitsAutoConfiguration.CUSTOMIZER_ORDER;
	}

}
