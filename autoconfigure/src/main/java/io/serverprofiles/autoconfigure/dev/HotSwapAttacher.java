package io.serverprofiles.autoconfigure.dev;

import com.sun.tools.attach.VirtualMachine;

/**
 * Main class of the helper JVM that loads {@link HotSwapAgent} into the dev server's JVM.
 * It runs from the agent jar alone, so it uses nothing but the JDK.
 */
final class HotSwapAttacher {

	private HotSwapAttacher() {
	}

	/**
	 * Attach to a JVM and load an agent jar into it.
	 * @param arguments the JVM's process id and the agent jar
	 * @throws Exception when the JVM refuses
	 */
	public static void main(String[] arguments) throws Exception {
		VirtualMachine jvm = VirtualMachine.attach(arguments[0]);
		try {
			jvm.loadAgent(arguments[1]);
		}
		finally {
			jvm.detach();
		}
	}

}
