package io.serverprofiles.autoconfigure.mode;

import java.util.Map;

import io.serverprofiles.autoconfigure.dev.DevServerDefaults;
import io.serverprofiles.autoconfigure.mode.ServerModeProfileEnvironmentPostProcessor.EarlyDecision;
import io.serverprofiles.autoconfigure.prod.ProdServerDefaults;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Decides the final mode once config files are read, logs it, and adds that mode's
 * defaults as the lowest-precedence property source, so every property a user sets wins.
 */
public class ServerModeDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Runs after config data, so that the defaults go below
	 * {@code application.properties}.
	 */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 1;

	/**
	 * Property that turns the mode defaults off.
	 */
	public static final String ADD_DEFAULTS_PROPERTY = "server-profiles.add-defaults";

	/**
	 * Name of the property source holding the active mode's defaults.
	 */
	public static final String DEFAULTS_SOURCE_NAME = "serverProfilesDefaults";

	private final Log logger;

	private final ServerModeResolver resolver;

	public ServerModeDefaultsEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this(logFactory, new ServerModeResolver());
	}

	ServerModeDefaultsEnvironmentPostProcessor(DeferredLogFactory logFactory, ServerModeResolver resolver) {
		this.logger = logFactory.getLog(ServerModeDefaultsEnvironmentPostProcessor.class);
		this.resolver = resolver;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ServerMode early = EarlyDecision.removeFrom(environment);
		ServerMode mode = this.resolver.resolve(environment);
		if (early != null && early.getSignal() != ServerMode.Signal.PROPERTY
				&& mode.getSignal() == ServerMode.Signal.PROPERTY && early.getMode() != mode.getMode()) {
			throw ServerModeException.setTooLate(mode, early);
		}
		this.logger.info(mode.describe());
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(DEFAULTS_SOURCE_NAME);
		if (environment.getProperty(ADD_DEFAULTS_PROPERTY, Boolean.class, true)) {
			sources.addLast(new MapPropertySource(DEFAULTS_SOURCE_NAME, defaultsFor(mode)));
		}
	}

	private Map<String, Object> defaultsFor(ServerMode mode) {
		return mode.isDev() ? DevServerDefaults.properties() : ProdServerDefaults.properties();
	}

}
