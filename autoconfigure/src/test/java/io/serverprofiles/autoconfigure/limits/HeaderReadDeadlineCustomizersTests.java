package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;

import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the customizers give a container its deadline on headers, and when they leave it
 * alone: a protocol the application chose, no timeout.
 */
@ExtendWith(OutputCaptureExtension.class)
class HeaderReadDeadlineCustomizersTests {

	@Test
	void tomcatsDefaultProtocolIsReplacedByTheOneWithADeadline() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		new TomcatHeaderReadDeadlineCustomizer(Duration.ofSeconds(2)).customize(factory);
		assertThat(factory.getProtocol()).isEqualTo(HeaderReadDeadlineProtocol.class.getName());
	}

	@Test
	void aTomcatProtocolTheApplicationChoseIsLeftAloneWithAWarning(CapturedOutput output) {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		factory.setProtocol("org.apache.coyote.http11.Http11Nio2Protocol");
		new TomcatHeaderReadDeadlineCustomizer(Duration.ofSeconds(2)).customize(factory);
		assertThat(factory.getProtocol()).isEqualTo("org.apache.coyote.http11.Http11Nio2Protocol");
		assertThat(output).contains("No deadline on request headers: Tomcat uses protocol "
				+ "org.apache.coyote.http11.Http11Nio2Protocol instead of the default");
	}

	@Test
	void jettyGetsNoDeadlineWithoutATimeout() {
		for (Duration timeout : new Duration[] { Duration.ZERO, Duration.ofSeconds(-1) }) {
			JettyServletWebServerFactory factory = new JettyServletWebServerFactory();
			new JettyHeaderReadDeadlineCustomizer(timeout).customize(factory);
			assertThat(factory.getServerCustomizers()).as(timeout.toString()).isEmpty();
		}
	}

	@Test
	void jettyGetsItsDeadlineAroundTheServersHandler() {
		JettyServletWebServerFactory factory = new JettyServletWebServerFactory();
		new JettyHeaderReadDeadlineCustomizer(Duration.ofSeconds(2)).customize(factory);
		Server server = new Server();
		factory.getServerCustomizers().forEach((customizer) -> customizer.customize(server));
		assertThat(server.getHandler()).isInstanceOf(JettyHeaderReadDeadline.class);
	}

	@Test
	void allCustomizersRunAfterBootsOwn() {
		assertThat(new TomcatHeaderReadDeadlineCustomizer(Duration.ZERO).getOrder()).isPositive();
		assertThat(new JettyHeaderReadDeadlineCustomizer(Duration.ZERO).getOrder()).isPositive();
		assertThat(new TomcatJsonErrorReportCustomizer(null, null).getOrder()).isPositive();
		assertThat(new JettyJsonErrorHandlerCustomizer(null, null).getOrder()).isPositive();
	}

}
