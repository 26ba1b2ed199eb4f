package io.serverprofiles.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the output of an application a test started goes instead of the build's console:
 * a file of its own under {@code target/test-output/} (the system property
 * {@code server-profiles.test.output-directory} chooses another directory), kept after
 * the test for its report. A failure message shows the {@link #tail() tail}.
 */
public final class OutputFile {

	private static final int TAIL_LINES = 40;

	private final Path path;

	private OutputFile(Path path) {
		this.path = path;
	}

	/**
	 * A new, empty file.
	 * @param name what the output is of, e.g. {@code demo-app}; the file name adds a
	 * unique suffix
	 * @return the file
	 */
	public static OutputFile create(String name) {
		try {
			Path directory = Files.createDirectories(directory());
			return new OutputFile(Files.createTempFile(directory, name + "-", ".log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The directory of the output files: {@code server-profiles.test.output-directory},
	 * else {@code target/test-output} in a Maven module, {@code build/test-output} in a
	 * Gradle one, else the temporary directory.
	 * @return the directory
	 */
	static Path directory() {
		String configured = System.getProperty("server-profiles.test.output-directory");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		for (String build : List.of("target", "build")) {
			if (Files.isDirectory(Path.of(build))) {
				return Path.of(build, "test-output");
			}
		}
		return Path.of(System.getProperty("java.io.tmpdir"), "server-profiles-test-output");
	}

	/**
	 * The output files written to since a moment, such as those of the applications a
	 * failed test started.
	 * @param since the moment
	 * @return the files, oldest first
	 */
	static List<OutputFile> writtenSince(Instant since) {
		Path directory = directory();
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> modified(file).isAfter(since))
				.sorted(Comparator.comparing(OutputFile::modified))
				.map(OutputFile::new)
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			return Instant.EPOCH;
		}
	}

	public Path path() {
		return this.path;
	}

	/**
	 * Everything written so far.
	 * @return the output, or a note saying why it cannot be read
	 */
	public String read() {
		try {
			return Files.readString(this.path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(output unreadable: " + ex + ")";
		}
	}

	/**
	 * The last lines written so far, and where the rest is: what a failure message shows.
	 * @return the tail
	 */
	public String tail() {
		return tail(0);
	}

	/**
	 * The last lines of what was written since a point, and where the rest is.
	 * @param from where the output of interest begins: a {@link #size()} taken before
	 * @return the tail
	 */
	public String tail(long from) {
		try (InputStream in = Files.newInputStream(this.path)) {
			in.skipNBytes(from);
			return tail(new String(in.readAllBytes(), StandardCharsets.UTF_8), this.path);
		}
		catch (IOException ex) {
			return "(output unreadable: " + ex + ")";
		}
	}

	/**
	 * How much was written so far.
	 * @return the size in bytes
	 */
	public long size() {
		try {
			return Files.size(this.path);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String tail(String output, Path whole) {
		List<String> lines = output.lines().toList();
		String shown = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
		if (lines.size() <= TAIL_LINES) {
			return shown + "\n(output in " + whole.toAbsolutePath() + ")";
		}
		return "(last " + TAIL_LINES + " of " + lines.size() + " lines; all in " + whole.toAbsolutePath() + ")\n"
				+ shown;
	}

	@Override
	public String toString() {
		return this.path.toString();
	}

}
