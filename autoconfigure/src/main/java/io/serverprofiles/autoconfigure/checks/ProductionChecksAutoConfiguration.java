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
public final class ProductionChecksAutoConfiguration {

	@Bean
	@ConditionalOnBooleanProperty("server-profiles.checks.only")
	ChecksOnlyRunner checksOnlyRunner(ObjectProvider<ProductionChecks> checks, ServerMode mode,
			ChecksProperties properties, ApplicationContext context) {
		return new ChecksOnlyRunner(checks, mode, properties.getFormat(), System.out, System.err,
				(code) -> System.exit(SpringApplication.exit(context, () -> code)));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnServerMode(ServerMode.Mode.PROD)
	static class ProdChecksConfiguration {

		@Bean
		ProductionChecks productionChecks(ObjectProvider<ProductionCheck> checks, ChecksProperties properties,
				Environment environment) {
			return new ProductionChecks(checks.orderedStream().toList(), properties, environment);
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "server-profiles.checks.only", havingValue = false, matchIfMissing = true)
		ProductionChecksOnStartup productionChecksOnStartup(ProductionChecks checks) {
			return new ProductionChecksOnStartup(checks);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnServerMode(ServerMode.Mode.PROD)
	static class BuiltInChecksConfiguration {

		@Bean
		ProductionCheck devtoolsCheck() {
			return RuntimeChecks.devtools();
		}

		@Bean
		ProductionCheck errorDetailsCheck() {
			return ExposureChecks.errorDetails();
		}

		@Bean
		ProductionCheck sensitiveEndpointsCheck() {
			return ExposureChecks.sensitiveEndpoints();
		}

		@Bean
		ProductionCheck healthDetailsCheck() {
			return ExposureChecks.healthDetails();
		}

		@Bean
		ProductionCheck allowedHostsCheck() {
			return NetworkChecks.allowedHosts();
		}

		@Bean
		ProductionCheck trustEveryoneCheck() {
			return NetworkChecks.trustEveryone();
		}

		@Bean
		ProductionCheck gracefulShutdownCheck() {
			return RuntimeChecks.gracefulShutdown();
		}

		@Bean
		ProductionCheck sessionCookieCheck() {
			return NetworkChecks.insecureSessionCookie();
		}

		@Bean
		ProductionCheck h2ConsoleCheck() {
			return RuntimeChecks.h2Console();
		}

		@Bean
		ProductionCheck debugLoggingCheck() {
			return RuntimeChecks.debugLogging();
		}

		@Bean
		ProductionCheck plainHttpCheck() {
			return NetworkChecks.plainHttpWithoutProxy();
		}

		@Bean
		ProductionCheck containerHeapCheck() {
			return RuntimeChecks.containerHeap();
		}

		@Bean
		ProductionCheck gracePeriodCheck() {
			return RuntimeChecks.gracePeriod();
		}

		@Bean
		ProductionCheck serverProfileEndpointCheck() {
			return ExposureChecks.serverProfileEndpoint();
		}

		@Bean
		ProductionCheck containerForwardedHeadersCheck() {
			return NetworkChecks.containerForwardedHeaders();
		}

		@Bean
		ProductionCheck defaultTrustedProxiesCheck() {
			return NetworkChecks.defaultTrustedProxies();
		}

	}

}
