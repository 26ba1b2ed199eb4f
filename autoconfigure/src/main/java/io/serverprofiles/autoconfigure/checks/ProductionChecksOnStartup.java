package io.serverprofiles.autoconfigure.checks;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Runs the checks once every bean exists and before the web server opens its port: logs
 * the report, and stops startup when it fails the policy.
 */
class ProductionChecksOnStartup implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ProductionChecksOnStartup.class);

	private final ProductionChecks checks;

	ProductionChecksOnStartup(ProductionChecks checks) {
		this.checks = checks;
	}

	@Override
	public void afterSingletonsInstantiated() {
		CheckReport report = this.checks.run();
		if (!report.passed()) {
			throw new ProductionChecksFailedException(report);
		}
		if (report.findings().isEmpty()) {
			logger.info(report.toText());
		}
		else {
			logger.warn(report.toText());
		}
	}

}
