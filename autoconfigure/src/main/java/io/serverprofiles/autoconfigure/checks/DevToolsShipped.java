package io.serverprofiles.autoconfigure.checks;

import org.springframework.boot.devtools.system.DevToolsEnablementDeducer;
import org.springframework.util.ClassUtils;

/**
 * Whether devtools came along into a real run. Under a test runner it is on every user's
 * classpath (through the starter) and stays off, which is fine.
 */
final class DevToolsShipped {

	private static final String DEDUCER = "org.springframework.boot.devtools.system.DevToolsEnablementDeducer";

	private DevToolsShipped() {
	}

	static boolean onThisThread() {
		return ClassUtils.isPresent(DEDUCER, DevToolsShipped.class.getClassLoader()) && Deducer.wouldEnable();
	}

	/**
	 * Kept apart so that devtools' classes load only when they are present.
	 */
	private static final class Deducer {

		static boolean wouldEnable() {
			return DevToolsEnablementDeducer.shouldEnable(Thread.currentThread());
		}

	}

}
