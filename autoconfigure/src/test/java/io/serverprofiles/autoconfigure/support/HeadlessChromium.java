package io.serverprofiles.autoconfigure.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.serverprofiles.test.RequiredTool;

import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, showing one page as a user's browser would, with a profile
 * of its own. It stays open until closed, and is ended by its process id, with the
 * processes it started. Where it is missing the test is skipped, or fails when
 * {@code SERVER_PROFILES_REQUIRE_CHROMIUM=true} (CI).
 */
public final class HeadlessChromium implements AutoCloseable {

	private final Process process;

	private final Path profile;

	private final Path output;

	private HeadlessChromium(Process process, Path profile, Path output) {
		this.process = process;
		this.profile = profile;
		this.output = output;
	}

	/**
	 * Open a page.
	 * @param page its address
	 * @return the running browser
	 * @throws IOException when it cannot be started
	 */
	public static HeadlessChromium open(URI page) throws IOException {
		Path chromium = RequiredTool.CHROMIUM.require();
		Path profile = Files.createTempDirectory("chromium-profile");
		Path output = Files.createTempFile("chromium", ".log");
		// A debugging port keeps it running with the page open, instead of printing and
		// exiting; port 0 lets it choose a free one.
		Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-background-networking", "--remote-debugging-port=0", "--user-data-dir=" + profile,
				page.toString())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		return new HeadlessChromium(process, profile, output);
	}

	/**
	 * What the browser printed so far, to show when a test fails.
	 * @return its output
	 */
	public String output() {
		try {
			return Files.readString(this.output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws Exception {
		List<ProcessHandle> started = this.process.descendants().toList();
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		FileSystemUtils.deleteRecursively(this.profile);
		Files.deleteIfExists(this.output);
	}

}
