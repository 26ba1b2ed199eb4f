package io.serverprofiles.autoconfigure.limits;

import io.serverprofiles.autoconfigure.log.UntrustedText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The one line logged for each refused request: at INFO, without a stack trace, since bad
 * input is the client's fault and not the server's. Past
 * {@code server-profiles.prod.limits.refusal-log-rate} refusals of one status a second,
 * the rest are counted and reported in one line once that second is over.
 */
final class RefusalLog {

	private static final Log logger = LogFactory.getLog(RefusalLog.class);

	private final RefusalRate rate;

	RefusalLog(RefusalRate rate) {
		this.rate = rate;
	}

	void refused(int status, @Nullable String method, @Nullable String path, String reason) {
		if (!logger.isInfoEnabled()) {
			return;
		}
		RefusalRate.Admission admission = this.rate.admit(status);
		if (admission.suppressedBefore() > 0) {
			logger.info("Suppressed " + admission.suppressedBefore() + " more refusals with " + status
					+ " in one second, over server-profiles.prod.limits.refusal-log-rate (" + this.rate.perSecond()
					+ ")");
		}
		if (admission.logged()) {
			logger.info("Refused " + printable(method) + " " + printable(path) + " with " + status + ": " + reason);
		}
	}

	private static String printable(@Nullable String text) {
		return (text == null || text.isEmpty()) ? "-" : UntrustedText.printable(text, 200);
	}

}
