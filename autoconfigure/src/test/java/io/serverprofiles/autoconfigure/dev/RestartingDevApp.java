package io.serverprofiles.autoconfigure.dev;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.serverprofiles.autoconfigure.mode.ServerModeAutoConfiguration;
import io.serverprofiles.autoconfigure.support.OutsideTheTestRunner;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.devtools.autoconfigure.LocalDevToolsAutoConfiguration;
import org.springframework.boot.devtools.classpath.ClassPathChangedEvent;
import org.springframework.boot.devtools.restart.Restarter;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A dev app run the way {@code spring-boot:run} runs it, so that tests count real
 * restarts: devtools' own restarter and class path watcher over one directory of classes.
 * Each restart closes the app and runs {@link #main} again in a new class loader, with a
 * new restart strategy and a watcher that goes on from where the last one stopped.
 */
final class RestartingDevApp implements AutoCloseable {

	private static final String HISTORY = RestartingDevApp.class.getName() + ".history";

	private final Path classes;

	private final History history;

	private int changesTaken;

	private int barriers;

	private RestartingDevApp(Path classes, History history) {
		this.classes = classes;
		this.history = history;
	}

	/**
	 * Start the app on a thread with no test runner on its stack: devtools restarts
	 * nothing under a test runner.
	 * @param classes the directory the build writes classes to
	 * @return the running app
	 * @throws Exception when it does not start
	 */
	static RestartingDevApp start(Path classes) throws Exception {
		Restarter.clearInstance();
		String[] args = { classes.toUri().toString(), "--server-profiles.mode=dev",
				"--server-profiles.dev.hot-swap=false", "--spring.devtools.livereload.enabled=false",
				"--spring.main.banner-mode=off", "--spring.devtools.restart.poll-interval=100ms",
				"--spring.devtools.restart.quiet-period=50ms" };
		OutsideTheTestRunner.call(() -> {
			main(args);
			return null;
		});
		return new RestartingDevApp(classes, History.ofThisRestarter());
	}

	/**
	 * What {@code spring-boot:run} does, minus its immediate first restart: set the
	 * restarter up over the watched classes, then run the app. Devtools' restarter calls
	 * it again, with the same arguments, for every restart.
	 * @param args the watched directory's URL, then the app's arguments
	 * @throws Exception when the app does not start
	 */
	public static void main(String[] args) throws Exception {
		URL classes = URI.create(args[0]).toURL();
		Restarter.initialize(args, false, (thread) -> new URL[] { classes }, false);
		SpringApplication application = new SpringApplication(DevApp.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(Arrays.copyOfRange(args, 1, args.length));
	}

	/**
	 * The next class path change the watcher reported, once it has.
	 * @return the change
	 */
	ClassPathChangedEvent nextChange() {
		int next = this.changesTaken++;
		await("class path change " + (next + 1), () -> this.history.changes.size() > next);
		return this.history.changes.get(next);
	}

	/**
	 * How often the app restarted, once every change made so far has been reported and
	 * every restart it caused has finished. A static resource written now is reported
	 * after (or with) every earlier change, and restarts nothing.
	 * @return restarts since the app started
	 * @throws Exception when the barrier cannot be written
	 */
	int restartsOnceSettled() throws Exception {
		String barrier = "static/settled-" + (++this.barriers) + ".css";
		Path file = this.classes.resolve(barrier);
		Files.createDirectories(file.getParent());
		Files.writeString(file, barrier);
		await("the change to " + barrier + " and every restart before it",
				() -> this.history.reported(barrier) && this.history.allRestartsDone());
		return this.history.starts.size() - 1;
	}

	private void await(String what, Callable<Boolean> condition) {
		try {
			Awaitility.await(what).atMost(Duration.ofSeconds(30)).until(condition);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("No " + what + " in " + this.history, ex);
		}
	}

	@Override
	public void close() {
		this.history.starts.forEach(ConfigurableApplicationContext::close);
		Restarter.clearInstance();
	}

	/**
	 * The app's starts and the changes its watchers reported, kept by the restarter so
	 * that they outlive every restart.
	 */
	static final class History {

		private final List<ConfigurableApplicationContext> starts = new CopyOnWriteArrayList<>();

		private final List<ClassPathChangedEvent> changes = new CopyOnWriteArrayList<>();

		static History ofThisRestarter() {
			return (History) Restarter.getInstance().getOrAddAttribute(HISTORY, History::new);
		}

		boolean reported(String relativeName) {
			return this.changes.stream()
				.flatMap((change) -> change.getChangeSet().stream())
				.flatMap((files) -> files.getFiles().stream())
				.anyMatch((file) -> file.getRelativeName().equals(relativeName));
		}

		/**
		 * Whether each change that asked for a restart has started the app again.
		 */
		boolean allRestartsDone() {
			return this.starts.size() == 1
					+ this.changes.stream().filter(ClassPathChangedEvent::isRestartRequired).count();
		}

		@Override
		public String toString() {
			return this.starts.size() + " starts, changes: " + this.changes.stream()
				.map((change) -> (change.isRestartRequired() ? "restart " : "no restart ") + change.getChangeSet())
				.collect(Collectors.joining("; "));
		}

	}

	/**
	 * The dev server's restart decision inside devtools' own restart configuration, and a
	 * listener that tells the history, before devtools acts on it, of each start and each
	 * change.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ServerModeAutoConfiguration.class, DevServerAutoConfiguration.class,
			LocalDevToolsAutoConfiguration.class })
	static class DevApp {

		@Bean
		static HistoryListener historyListener() {
			return new HistoryListener(History.ofThisRestarter());
		}

	}

	static final class HistoryListener implements ApplicationListener<ApplicationEvent>, Ordered {

		private final History history;

		HistoryListener(History history) {
			this.history = history;
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ApplicationStartedEvent started) {
				this.history.starts.add(started.getApplicationContext());
			}
			if (event instanceof ClassPathChangedEvent change) {
				this.history.changes.add(change);
			}
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
