package io.serverprofiles.autoconfigure.deploy;

import io.serverprofiles.autoconfigure.mode.ServerProfilesProperties;
import java.util.LinkedHashMap;
import java.util.Map;

import io.serverprofiles.autoconfigure.mode.ServerModeProfileEnvironmentPostProcessor;
import io.serverprofiles.autoconfigure.mode.ServerModeResolver;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns a run with {@code server-profiles.deploy.export} into an export: no web server,
 * and the prod configuration that production would read.
 * <p>
 * An {@link EnvironmentPostProcessor} is the one extension point that runs early enough
 * for both: before the mode is resolved (so {@code application-prod.properties} is read,
 * even under {@code spring-boot:run}) and before {@link SpringApplication} binds
 * {@code spring.main.*} (so the web application type is {@code none} and no port is ever
 * opened), while still seeing the command line. Beans stay lazy, so the application's own
 * beans (data sources, clients) are not created just to write files. The export itself
 * needs the finished environment and runs later ({@link DeployBundleExporter}).
 */
public class DeployExportEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Name of the property source that switches the run into an export.
	 */
	static final String SOURCE_NAME = "serverProfilesDeployExport";

	/**
	 * Runs before the mode is resolved and its profile activated.
	 */
	public static final int ORDER = ServerModeProfileEnvironmentPostProcessor.ORDER - 1;

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty(DeployProperties.EXPORT)) {
			return;
		}
		Map<String, Object> export = new LinkedHashMap<>();
		export.put(ServerProfilesProperties.MODE, "prod");
		export.put("spring.main.web-application-type", "none");
		export.put("spring.main.lazy-initialization", "true");
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, export));
	}

}
