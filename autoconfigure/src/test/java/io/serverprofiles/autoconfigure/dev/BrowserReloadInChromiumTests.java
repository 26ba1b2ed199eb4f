package io.serverprofiles.autoconfigure.dev;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.serverprofiles.autoconfigure.support.HeadlessChromium;
import io.serverprofiles.autoconfigure.support.RequestCounts;
import io.serverprofiles.autoconfigure.support.RunningServer;
import io.serverprofiles.autoconfigure.support.ServerContainer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.devtools.classpath.ClassPathFileSystemWatcher;
import org.springframework.boot.devtools.classpath.PatternClassPathRestartStrategy;
import org.springframework.boot.devtools.filewatch.SnapshotStateRepository;
import org.springframework.boot.devtools.restart.classloader.RestartClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in a real browser reloads itself: Debian's Chromium, headless, shows a page of
 * the dev server, which then swaps a rebuilt request handler in through devtools' class
 * path watcher, and then restarts on the same port as devtools' restart does. The server
 * counts the page's loads and the connections to its events.
 */
class BrowserReloadInChromiumTests {

	private static final String PAGE = "/reload-test/page";

	private static final String HANDLER = """
			package com.example;

			import org.springframework.web.bind.annotation.GetMapping;

			public class Handler {

				@GetMapping("/greeting")
				public String greeting() {
					return "%s";
				}

			}
			""";

	private static final Duration RELOAD = Duration.ofSeconds(10);

	@TempDir
	Path build;

	@Test
	void thePageLoadsAgainAfterAHotSwapAndAgainAfterARestart() throws Exception {
		Path classes = this.build.resolve("classes");
		compileHandler(classes, "hello");
		RestartClassLoader loader = new RestartClassLoader(getClass().getClassLoader(),
				new URL[] { classes.toUri().toURL() });
		HotSwapAgent.instrumentation().get(30, TimeUnit.SECONDS);
		assertThat(greeting(loader)).isEqualTo("hello");
		RunningServer server = RunningServer.start(ServerContainer.TOMCAT, "--server-profiles.mode=dev");
		try (HeadlessChromium chromium = HeadlessChromium.open(server.uri(PAGE))) {
			awaitLoads(server, chromium, 1, Duration.ofSeconds(60));
			ClassPathFileSystemWatcher watcher = watch(classes, loader, server);
			try {
				long written = compileHandler(classes, "hi");
				awaitLoads(server, chromium, 2, RELOAD);
				report("hot swap", written);
				assertThat(greeting(loader)).as("the handler swapped in").isEqualTo("hi");
			}
			finally {
				watcher.destroy();
			}
			long stopped = System.nanoTime();
			server = server.restart();
			awaitLoads(server, chromium, 1, RELOAD);
			report("restart (stop, start on the same port)", stopped);
		}
		finally {
			server.close();
		}
	}

	/**
	 * Devtools' class path watcher over the classes, with the dev server's restart
	 * decision and hot swap, telling the running app of each change.
	 */
	private static ClassPathFileSystemWatcher watch(Path classes, RestartClassLoader loader, RunningServer server)
			throws Exception {
		ClassPathFileSystemWatcher watcher = new ClassPathFileSystemWatcher(
				() -> new FileEventWatcher(Duration.ofMillis(50), SnapshotStateRepository.NONE),
				new BuildAwareRestartStrategy(new PatternClassPathRestartStrategy(new String[0]),
						new HotSwap(loader)::swapped),
				new URL[] { classes.toUri().toURL() });
		watcher.setApplicationContext(server.context());
		watcher.afterPropertiesSet();
		return watcher;
	}

	/**
	 * Wait until the page has loaded so often in this run of the app, and its script has
	 * connected to the events after the last load.
	 */
	private static void awaitLoads(RunningServer server, HeadlessChromium chromium, int loads, Duration atMost) {
		RequestCounts counts = server.context().getBean(RequestCounts.class);
		Awaitility.await()
			.atMost(atMost)
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(counts.of(PAGE)).as(chromium::output).isEqualTo(loads));
		Awaitility.await()
			.atMost(atMost)
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(counts.of(BrowserReloadFilter.EVENTS_PATH)).as(chromium::output)
				.isGreaterThanOrEqualTo(loads));
	}

	private long compileHandler(Path classes, String greeting) throws Exception {
		ClassCompiler.compile(this.build.resolve("src"), classes, "Handler", HANDLER.formatted(greeting));
		return System.nanoTime();
	}

	private static String greeting(ClassLoader loader) throws Exception {
		Class<?> handler = loader.loadClass("com.example.Handler");
		return (String) handler.getMethod("greeting").invoke(handler.getConstructor().newInstance());
	}

	private static void report(String change, long since) {
		System.out.println("Browser reload: the page loaded again " + (System.nanoTime() - since) / 1_000_000
				+ " ms after the " + change);
	}

}
