package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.headers.SecurityHeaders;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Makes Jetty answer the requests it refuses itself with the short JSON body, through
 * {@link JsonErrorHandler} as the Server's error handler. The servlet context keeps
 * Boot's handler, so errors inside the application still reach Boot's error page.
 */
class JettyJsonErrorHandlerCustomizer implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, Ordered {

	private final RefusalLog refusalLog;

	private final @Nullable SecurityHeaders securityHeaders;

	JettyJsonErrorHandlerCustomizer(RefusalLog refusalLog, @Nullable SecurityHeaders securityHeaders) {
		this.refusalLog = refusalLog;
		this.securityHeaders = securityHeaders;
	}

	@Override
	public void customize(JettyServletWebServerFactory factory) {
		factory.addServerCustomizers(
				(server) -> server.setErrorHandler(new JsonErrorHandler(this.refusalLog, this.securityHeaders)));
	}

	@Override
	public int getOrder() {
		return RequestLimitsAutoConfiguration.CUSTOMIZER_ORDER;
	}

}
