package io.serverprofiles.autoconfigure.dev;

import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.devtools.classpath.ClassPathRestartStrategy;
import org.springframework.boot.devtools.filewatch.ChangedFile;
import org.springframework.boot.devtools.restart.classloader.RestartClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edits to a running app's class that go in without a restart, and those that must not: a
 * real class compiled, loaded by devtools' restart class loader, rebuilt and redefined
 * through the JVM's instrumentation.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevServerHotSwapTests {

	private static final String GREETER = """
			package com.example;

			import org.springframework.web.bind.annotation.GetMapping;

			public class Greeter {

				private final String name = "%s";

				public Greeter() {
					System.getProperties();
				}

				@GetMapping("%s")
				public String greet() {
					return "%s " + name() + "%s";
				}

				@GetMapping("/shout")
				public String shout() {
					return java.util.Optional.of(name()).map((text) -> text.toUpperCase()).get();
				}

				String name() {
					return this.name;
				}

				String quiet() {
					return java.util.Optional.of(name()).map((text) -> text.toLowerCase()).get();
				}

				%s
			}
			""";

	@TempDir
	Path classes;

	private RestartClassLoader loader;

	private ClassPathRestartStrategy strategy;

	@BeforeEach
	void loadFirstVersion() throws Exception {
		compile(greeter("hello", "/greet", "", ""));
		this.loader = new RestartClassLoader(getClass().getClassLoader(), new URL[] { this.classes.toUri().toURL() });
		HotSwapAgent.instrumentation().get(30, TimeUnit.SECONDS);
		this.strategy = new BuildAwareRestartStrategy((file) -> true, new HotSwap(this.loader)::swapped);
		assertThat(greet()).isEqualTo("hello world");
	}

	@Test
	void whenOnlyARequestHandlerBodyChangesThenTheRunningAppHasItWithoutRestart(CapturedOutput output)
			throws Exception {
		compile(greeter("hi", "/greet", "!", ""));
		assertThat(this.strategy.isRestartRequired(modified())).isFalse();
		assertThat(greet()).isEqualTo("hi world!");
		assertThat(output).contains("Swapped com.example.Greeter into the running app, no restart",
				"request handlers changed: greet()");
	}

	@Test
	void whenALambdaInARequestHandlerChangesThenTheRunningAppHasItWithoutRestart(CapturedOutput output)
			throws Exception {
		compile(greeter("hello", "/greet", "", "").replace("text.toUpperCase()", "text.toUpperCase() + '!'"));
		assertThat(this.strategy.isRestartRequired(modified())).isFalse();
		assertThat(call("shout")).isEqualTo("WORLD!");
		assertThat(output).contains("request handlers changed: a lambda in shout()");
	}

	@Test
	void whenALambdaElsewhereChangesThenTheAppRestarts() throws Exception {
		compile(greeter("hello", "/greet", "", "").replace("text.toLowerCase()", "text.strip()"));
		assertThat(this.strategy.isRestartRequired(modified())).isTrue();
	}

	@Test
	void whenTheClassIsWrittenUnchangedThenNothingRestarts() throws Exception {
		compile(greeter("hello", "/greet", "", ""));
		assertThat(this.strategy.isRestartRequired(modified())).isFalse();
		assertThat(greet()).isEqualTo("hello world");
	}

	@Test
	void whenCodeThatMayRunOnlyAtStartupChangesThenTheAppRestarts() throws Exception {
		compile(greeter("hello", "/greet", "", "").replace("System.getProperties();", "System.getenv();"));
		assertThat(this.strategy.isRestartRequired(modified())).as("constructor").isTrue();
		compile(greeter("hello", "/greet", "", "").replace("return this.name;", "return this.name.trim();"));
		assertThat(this.strategy.isRestartRequired(modified())).as("method that is not a handler").isTrue();
		compile(greeter("hello", "/greet", "", "").replace("\"world\"", "\"there\""));
		assertThat(this.strategy.isRestartRequired(modified())).as("field initial value").isTrue();
		assertThat(greet()).as("the running app keeps its code until the restart").isEqualTo("hello world");
	}

	@Test
	void whenTheClassChangesShapeThenTheAppRestarts() throws Exception {
		compile(greeter("hello", "/hello", "", ""));
		assertThat(this.strategy.isRestartRequired(modified())).as("mapping").isTrue();
		compile(greeter("hello", "/greet", "", "public String other() { return \"\"; }"));
		assertThat(this.strategy.isRestartRequired(modified())).as("new method").isTrue();
		assertThat(greet()).isEqualTo("hello world");
	}

	@Test
	void whenAClassNotLoadedYetIsRewrittenThenItIsLoadedFromTheNewFileWithoutRestart() throws Exception {
		compile("Helper", "package com.example; public class Helper { public String help() { return \"v1\"; } }");
		compile("Helper", "package com.example; public class Helper { public String help() { return \"v2\"; } }");
		assertThat(this.strategy.isRestartRequired(modified("Helper"))).isFalse();
		Class<?> helper = this.loader.loadClass("com.example.Helper");
		assertThat(helper.getMethod("help").invoke(helper.getConstructor().newInstance())).isEqualTo("v2");
	}

	@Test
	void whenAClassNotLoadedYetCarriesAnAnnotationThenTheAppRestarts() throws Exception {
		// It may have become a component, a configuration or a controller since startup.
		compile("Api", "package com.example; @org.springframework.web.bind.annotation.RestController "
				+ "public class Api { }");
		assertThat(this.strategy.isRestartRequired(modified("Api"))).isTrue();
	}

	@Test
	void whenAClassNotLoadedYetCannotBeReadThenTheAppRestarts() throws Exception {
		Files.writeString(this.classes.resolve("com/example/Unused.class"), "half written");
		assertThat(this.strategy.isRestartRequired(modified("Unused"))).isTrue();
	}

	@Test
	void aBuildThatRewritesEveryClassForOneEditedHandlerSwapsIt(CapturedOutput output) throws Exception {
		// What ./mvnw compile does for a one-line edit: delete every class of the module,
		// then write each again, the unchanged ones with the same bytes.
		compile("Helper", "package com.example; public class Helper { }");
		Files.delete(this.classes.resolve("com/example/Greeter.class"));
		Files.delete(this.classes.resolve("com/example/Helper.class"));
		assertThat(this.strategy.isRestartRequired(deleted("Greeter"))).isFalse();
		assertThat(this.strategy.isRestartRequired(deleted("Helper"))).isFalse();
		compile(greeter("hi", "/greet", "!", ""));
		compile("Helper", "package com.example; public class Helper { }");
		assertThat(this.strategy.isRestartRequired(added("Greeter"))).isFalse();
		assertThat(this.strategy.isRestartRequired(added("Helper"))).isFalse();
		assertThat(greet()).isEqualTo("hi world!");
		assertThat(output).contains("Swapped com.example.Greeter into the running app, no restart");
	}

	@Test
	void aBuildThatRewritesEveryClassStillRestartsOnceForAChangeThatNeedsIt() throws Exception {
		Files.delete(this.classes.resolve("com/example/Greeter.class"));
		assertThat(this.strategy.isRestartRequired(deleted("Greeter"))).isFalse();
		compile(greeter("hello", "/hello", "", ""));
		assertThat(this.strategy.isRestartRequired(added("Greeter"))).as("a mapping changed").isTrue();
		assertThat(greet()).as("the running app keeps its code until the restart").isEqualTo("hello world");
	}

	@Test
	void aBuildRestartsOnceItsLastClassIsBackEvenWhenThatOneIsUnchanged() throws Exception {
		// The class that needs the restart is reported first; the build's other class,
		// rewritten unchanged, comes after it and must still bring the restart.
		compile("Helper", "package com.example; public class Helper { }");
		Files.delete(this.classes.resolve("com/example/Greeter.class"));
		Files.delete(this.classes.resolve("com/example/Helper.class"));
		assertThat(this.strategy.isRestartRequired(deleted("Greeter"))).isFalse();
		assertThat(this.strategy.isRestartRequired(deleted("Helper"))).isFalse();
		compile(greeter("hello", "/hello", "", ""));
		compile("Helper", "package com.example; public class Helper { }");
		assertThat(this.strategy.isRestartRequired(added("Greeter"))).as("Helper not reported yet").isFalse();
		assertThat(this.strategy.isRestartRequired(added("Helper"))).as("the build is complete").isTrue();
	}

	@Test
	void aClassTheAppNeverHadRestartsIt() throws Exception {
		// A new class file may be a new controller, found only by a restart's scan.
		compile("Fresh", "package com.example; public class Fresh { }");
		assertThat(this.strategy.isRestartRequired(added("Fresh"))).isTrue();
	}

	@Test
	void classesLoadedBeforeRecordingStartedAreRecordedFromTheirClassFiles() throws Exception {
		Instrumentation instrumentation = HotSwapAgent.instrumentation().get();
		LoadedClassBytes recordedLate = new LoadedClassBytes();
		try {
			recordedLate.recordFrom(instrumentation);
			byte[] recorded = recordedLate.find(this.loader, "com/example/Greeter");
			// The class file itself, so that the same file written again is no change.
			assertThat(recorded).isEqualTo(rebuilt());
			compile(greeter("hi", "/greet", "", ""));
			assertThat(ClassChange.between(recorded, rebuilt()).canSwap()).isTrue();
			compile(greeter("hi", "/greet", "", "public String other() { return \"\"; }"));
			assertThat(ClassChange.between(recorded, rebuilt()).canSwap()).isFalse();
		}
		finally {
			instrumentation.removeTransformer(recordedLate);
		}
	}

	private static String greeter(String greeting, String path, String suffix, String more) {
		return GREETER.formatted("world", path, greeting, suffix, more);
	}

	private String greet() throws Exception {
		return call("greet");
	}

	private String call(String method) throws Exception {
		Class<?> greeter = this.loader.loadClass("com.example.Greeter");
		return (String) greeter.getMethod(method).invoke(greeter.getConstructor().newInstance());
	}

	private ChangedFile modified() {
		return modified("Greeter");
	}

	private ChangedFile modified(String name) {
		return change(name, ChangedFile.Type.MODIFY);
	}

	private ChangedFile added(String name) {
		return change(name, ChangedFile.Type.ADD);
	}

	private ChangedFile deleted(String name) {
		return change(name, ChangedFile.Type.DELETE);
	}

	private ChangedFile change(String name, ChangedFile.Type type) {
		return new ChangedFile(this.classes.toFile(), this.classes.resolve("com/example/" + name + ".class").toFile(),
				type);
	}

	private byte[] rebuilt() throws Exception {
		return Files.readAllBytes(this.classes.resolve("com/example/Greeter.class"));
	}

	private void compile(String source) throws Exception {
		compile("Greeter", source);
	}

	private void compile(String name, String source) throws Exception {
		ClassCompiler.compile(this.classes.resolve("src"), this.classes, name, source);
	}

}
