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

	/**
	 * Whether a rebuilt class whose only change is in the bodies of request handlers
	 * (@GetMapping and the like, @ExceptionHandler, lambdas in them) goes into the
	 * running app without a restart. Any other class change restarts the app.
	 */
	private boolean hotSwap = true;

	public boolean isStartupReport() {
		return this.startupReport;
	}

	public void setStartupReport(boolean startupReport) {
		this.startupReport = startupReport;
	}

	public boolean isHotSwap() {
		return this.hotSwap;
	}

	public void setHotSwap(boolean hotSwap) {
		this.hotSwap = hotSwap;
	}

}
