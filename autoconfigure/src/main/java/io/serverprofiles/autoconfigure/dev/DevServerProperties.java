package io.serverprofiles.autoconfigure.dev;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dev server. Restart tuning uses devtools' own
 * {@code spring.devtools.restart.*} keys, which server-profiles sets as defaults.
 */
@ConfigurationProperties("server-profiles.dev")
public class DevServerProperties {

	/**
	 * Whether to log the dev server's URLs and how to switch mode once it is ready.
	 */
	private boolean startupReport = true;

	public boolean isStartupReport() {
		return this.startupReport;
	}

	public void setStartupReport(boolean startupReport) {
		this.startupReport = startupReport;
	}

}
