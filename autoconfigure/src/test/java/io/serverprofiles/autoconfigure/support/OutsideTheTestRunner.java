package io.serverprofiles.autoconfigure.support;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Runs code on a thread of its own, named main, whose stack holds no test runner, as an
 * application's main thread: devtools and server-profiles look at the stack to tell a
 * test run from a development or packaged one.
 */
public final class OutsideTheTestRunner {

	private OutsideTheTestRunner() {
	}

	/**
	 * Run the code and wait for its result.
	 * @param code what to run
	 * @param <T> the result type
	 * @return what the code returned
	 * @throws Exception what the code threw (wrapped), or a timeout after a minute
	 */
	public static <T> T call(Callable<T> code) throws Exception {
		FutureTask<T> task = new FutureTask<>(code);
		Thread thread = new Thread(task, "main");
		thread.start();
		return task.get(1, TimeUnit.MINUTES);
	}

}
