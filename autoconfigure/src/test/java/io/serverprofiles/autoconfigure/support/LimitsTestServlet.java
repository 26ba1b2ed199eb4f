package io.serverprofiles.autoconfigure.support;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A plain servlet beside Spring MVC, as a JAX-RS or SOAP stack registers one: it reads a
 * body without Spring MVC's exception resolvers around it.
 */
@Configuration(proxyBeanMethods = false)
class LimitsTestServlet {

	@Bean
	ServletRegistrationBean<HttpServlet> limitsServlet() {
		return new ServletRegistrationBean<>(new BodyCountingServlet(), "/limits/servlet");
	}

	static class BodyCountingServlet extends HttpServlet {

		@Override
		protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
			long bytes = request.getInputStream().transferTo(OutputStream.nullOutputStream());
			response.setContentType("application/json");
			response.getWriter().write("{\"bytes\":" + bytes + "}");
		}

	}

}
