package io.serverprofiles.autoconfigure.deploy;

import io.serverprofiles.autoconfigure.headers.SecurityHeadersProperties;
import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.prod.ProdServerProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Exports the deploy bundle when {@code server-profiles.deploy.export} names a directory;
 * {@link DeployExportEnvironmentPostProcessor} has already made the run portless.
 */
@AutoConfiguration(after = ServerModeAutoConfiguration.class)
@ConditionalOnProperty(DeployProperties.EXPORT)
@EnableConfigurationProperties({ DeployProperties.class, ProdServerProperties.class, SecurityHeadersProperties.class })
public final class DeployExportAutoConfiguration {

	@Bean
	DeployBundleExporter deployBundleExporter(Environment environment, DeployProperties deploy,
			ProdServerProperties prod, SecurityHeadersProperties headers) {
		AppSettings app = AppSettings.from(environment, prod);
		RenderedNameCheck.check(deploy, prod.getAllowedHosts());
		return new DeployBundleExporter(deploy.getExport(), app,
				new DeployBundle(new TemplateRenderer(Placeholders.of(app, deploy, headers))));
	}

}
