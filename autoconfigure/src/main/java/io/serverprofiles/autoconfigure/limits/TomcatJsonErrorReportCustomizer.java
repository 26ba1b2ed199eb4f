package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.headers.SecurityHeaders;
import org.apache.catalina.core.StandardHost;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Makes Tomcat answer the requests it refuses itself with the short JSON body, through
 * {@link JsonErrorReportValve} in place of the Host's HTML error report valve. Boot
 * offers no Host customizer, so the context customizer reaches the Host it was added to.
 */
class TomcatJsonErrorReportCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final RefusalLog refusalLog;

	private final @Nullable SecurityHeaders securityHeaders;

	TomcatJsonErrorReportCustomizer(RefusalLog refusalLog, @Nullable SecurityHeaders securityHeaders) {
		this.refusalLog = refusalLog;
		this.securityHeaders = securityHeaders;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.getPipeline().addValve(new JsonErrorReportValve(this.refusalLog, this.securityHeaders));
				// The Host adds its default valve on start unless one of this
				// class is there.
				host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		return RequestLimitsAutoConfiguration.CUSTOMIZER_ORDER;
	}

}
