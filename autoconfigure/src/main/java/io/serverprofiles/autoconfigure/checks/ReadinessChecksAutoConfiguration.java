package io.serverprofiles.autoconfigure.checks;

import io.serverprofiles.autoconfigure.mode.ConditionalOnServerMode;
import io.serverprofiles.autoconfigure.mode.ServerMode;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Production-readiness checks: the built-in checks as beans, run at startup in prod, or
 * alone in the CLI mode.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@EnableConfigurationProperties(ChecksProperties.class)
public final class ReadinessChecksAutoConfiguration {

	@Bean
	@ConditionalOnBooleanProperty("server-profiles.checks.only")
	ChecksOnlyRunner checksOnlyRunner(ObjectProvider<ReadinessChecks> checks, ServerMode mode,
			ChecksProperties properties, ApplicationContext context) {
		return new ChecksOnlyRunner(checks, mode, properties.getFormat(), System.out, System.err,
				(code) -> System.exit(SpringApplication.exit(context, () -> code)));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnServerMode(ServerMode.Mode.PROD)
	static class ProdChecksConfiguration {

		@Bean
		ReadinessChecks readinessChecks(ObjectProvider<ReadinessCheck> checks, ChecksProperties properties,
				Environment environment) {
			return new ReadinessChecks(checks.orderedStream().toList(), properties, environment);
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "server-profiles.checks.only", havingValue = false, matchIfMissing = true)
		ReadinessChecksOnStartup readinessChecksOnStartup(ReadinessChecks checks) {
			return new ReadinessChecksOnStartup(checks);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnServerMode(ServerMode.Mode.PROD)
	static class BuiltInChecksConfiguration {

		@Bean
		ReadinessCheck devtoolsCheck() {
			return RuntimeChecks.devtools();
		}

		@Bean
		ReadinessCheck errorDetailsCheck() {
			return ExposureChecks.errorDetails();
		}

		@Bean
		ReadinessCheck sensitiveEndpointsCheck() {
			return ExposureChecks.sensitiveEndpoints();
		}

		@Bean
		ReadinessCheck healthDetailsCheck() {
			return ExposureChecks.healthDetails();
		}

		@Bean
		ReadinessCheck allowedHostsCheck() {
			return NetworkChecks.allowedHosts();
		}

		@Bean
		ReadinessCheck trustEveryoneCheck() {
			return NetworkChecks.trustEveryone();
		}

		@Bean
		ReadinessCheck gracefulShutdownCheck() {
			return RuntimeChecks.gracefulShutdown();
		}

		@Bean
		ReadinessCheck sessionCookieCheck() {
			return NetworkChecks.insecureSessionCookie();
		}

		@Bean
		ReadinessCheck h2ConsoleCheck() {
			return RuntimeChecks.h2Console();
		}

		@Bean
		ReadinessCheck debugLoggingCheck() {
			return RuntimeChecks.debugLogging();
		}

		@Bean
		ReadinessCheck plainHttpCheck() {
			return NetworkChecks.plainHttpWithoutProxy();
		}

		@Bean
		ReadinessCheck containerHeapCheck() {
			return RuntimeChecks.containerHeap();
		}

		@Bean
		ReadinessCheck gracePeriodCheck() {
			return RuntimeChecks.gracePeriod();
		}

		@Bean
		ReadinessCheck serverProfileEndpointCheck() {
			return ExposureChecks.serverProfileEndpoint();
		}

		@Bean
		ReadinessCheck containerForwardedHeadersCheck() {
			return NetworkChecks.containerForwardedHeaders();
		}

		@Bean
		ReadinessCheck defaultTrustedProxiesCheck() {
			return NetworkChecks.defaultTrustedProxies();
		}

	}

}
