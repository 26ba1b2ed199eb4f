package io.serverprofiles.test;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The console output of a test class, which is mostly the logs of the applications it
 * starts in its JVM, goes to an {@link OutputFile} instead of the build's console; a test
 * (or the class's set-up) that fails prints the file's tail, so the log is there when it
 * is needed and only then. Boot's {@code OutputCaptureExtension} still captures
 * everything.
 * <p>
 * Every test of a build gets it with JUnit's extension auto-detection
 * ({@code junit.jupiter.extensions.autodetection.enabled=true}; this jar registers it),
 * one class with {@code @ExtendWith(OutputShownOnFailure.class)}.
 */
public class OutputShownOnFailure implements BeforeAllCallback, BeforeClassTemplateInvocationCallback,
		BeforeEachCallback, AfterEachCallback, AfterClassTemplateInvocationCallback, AfterAllCallback {

	private static final Namespace NAMESPACE = Namespace.create(OutputShownOnFailure.class);

	private static final String MARK = "mark";

	@Override
	public void beforeAll(ExtensionContext context) {
		// A nested class writes to the file of the class around it.
		if (redirectOf(context) == null) {
			context.getStore(NAMESPACE)
				.put(context.getUniqueId(),
						new Redirect(OutputFile.create(context.getRequiredTestClass().getSimpleName())));
		}
	}

	@Override
	public void beforeClassTemplateInvocation(ExtensionContext context) {
		mark(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		mark(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		showTailIfFailed(context);
	}

	@Override
	public void afterClassTemplateInvocation(ExtensionContext context) {
		showTailIfFailed(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Redirect redirect = context.getStore(NAMESPACE).remove(context.getUniqueId(), Redirect.class);
		if (redirect != null) {
			redirect.restore();
			if (context.getExecutionException().isPresent()) {
				redirect.showTail(context.getDisplayName(), new Mark(0, Instant.EPOCH));
			}
		}
	}

	/**
	 * Where the output of a test (or of an invocation of a class template) begins.
	 */
	private static void mark(ExtensionContext context) {
		Redirect redirect = redirectOf(context);
		if (redirect != null) {
			context.getStore(NAMESPACE).put(MARK, new Mark(redirect.file.size(), Instant.now()));
		}
	}

	private static void showTailIfFailed(ExtensionContext context) {
		Redirect redirect = redirectOf(context);
		if (context.getExecutionException().isPresent() && redirect != null) {
			Mark mark = context.getStore(NAMESPACE).get(MARK, Mark.class);
			redirect.showTail(context.getDisplayName(), (mark != null) ? mark : new Mark(0, Instant.EPOCH));
		}
	}

	/**
	 * The redirect of the closest test class around the context.
	 */
	private static @Nullable Redirect redirectOf(ExtensionContext context) {
		for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
			Redirect redirect = current.getStore(NAMESPACE).get(current.getUniqueId(), Redirect.class);
			if (redirect != null) {
				return redirect;
			}
		}
		return null;
	}

	/**
	 * Where a test's output begins in the class's file, and when it began.
	 */
	private record Mark(long offset, Instant started) {

	}

	/**
	 * {@code System.out} and {@code System.err} into a file, until restored.
	 */
	private static final class Redirect {

		private final OutputFile file;

		private final PrintStream console;

		private final PrintStream consoleErr;

		private final PrintStream toFile;

		Redirect(OutputFile file) {
			this.file = file;
			this.console = System.out;
			this.consoleErr = System.err;
			try {
				this.toFile = new PrintStream(new FileOutputStream(file.path().toFile(), true), true,
						StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			System.setOut(this.toFile);
			System.setErr(this.toFile);
		}

		/**
		 * The tail of what the test printed, and of the output of every application
		 * process that wrote since it began ({@link PackagedJar}).
		 */
		void showTail(String failed, Mark mark) {
			this.console.println("---- output of " + failed + ", which failed ----");
			if (this.file.size() > mark.offset()) {
				this.console.println(this.file.tail(mark.offset()));
			}
			for (OutputFile process : OutputFile.writtenSince(mark.started())) {
				if (!process.path().equals(this.file.path())) {
					this.console.println("---- output of " + process.path().getFileName() + " ----");
					this.console.println(process.tail());
				}
			}
			this.console.println("----");
		}

		void restore() {
			System.setOut(this.console);
			System.setErr(this.consoleErr);
			this.toFile.close();
		}

	}

}
