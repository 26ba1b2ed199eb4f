package io.serverprofiles.autoconfigure.limits;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Input the container parses only when the application asks (multipart bodies, form
 * parameters) answered as the client's error in every mode: dev, and prod with
 * {@code server-profiles.prod.limits.enabled=false}, get Boot's error page with a 4xx.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public final class ClientErrorAutoConfiguration {

	@Bean
	ClientErrorExceptionResolver clientErrorExceptionResolver() {
		return new ClientErrorExceptionResolver();
	}

}
