package io.serverprofiles.autoconfigure.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationListener;

/**
 * Writes the deploy bundle once the context has started, before any runner of the
 * application; with no web server and nothing else keeping it alive, the application then
 * exits with 0.
 */
class DeployBundleExporter implements ApplicationListener<ApplicationStartedEvent> {

	private static final Log logger = LogFactory.getLog(DeployBundleExporter.class);

	private final @Nullable Path directory;

	private final AppSettings app;

	private final DeployBundle bundle;

	DeployBundleExporter(@Nullable Path directory, AppSettings app, DeployBundle bundle) {
		this.directory = directory;
		this.app = app;
		this.bundle = bundle;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		if (this.directory == null) {
			throw new InvalidConfigurationPropertyValueException(DeployProperties.EXPORT, "",
					"Name the directory to write the deploy bundle to, for example "
							+ "--server-profiles.deploy.export=deploy-out");
		}
		Path target = this.directory.toAbsolutePath().normalize();
		try {
			List<Path> files = this.bundle.writeTo(target);
			logger.info("server-profiles: deploy bundle for " + this.app.name() + " (port " + this.app.port()
					+ ", stop time " + this.app.stopTime().toSeconds() + "s) written to " + target + " (" + files.size()
					+ " files); see README.md there");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the deploy bundle to " + target, ex);
		}
	}

}
