import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Times one dev reload as bench/dev-reload.sh measures it: writes the given class files into
 * the build output (as cp does: truncate and write, so the watcher sees a modification),
 * then asks the app over one kept-alive connection, every millisecond, until it serves the
 * marker; prints the milliseconds in between. A curl per poll costs ~30 ms of process start
 * on two cores, more than a swap itself, so the poll runs in one warmed-up JVM instead.
 *
 * <pre>java -cp DIR ReloadTimer URL MARKER TARGET_DIRECTORY CLASS_FILE...</pre>
 */
public final class ReloadTimer {

	private static final long LIMIT_NANOS = Duration.ofSeconds(30).toNanos();

	public static void main(String[] args) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(1))
			.build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(args[0])).timeout(Duration.ofSeconds(2)).build();
		String marker = args[1];
		Path target = Path.of(args[2]);
		byte[][] classes = new byte[args.length - 3][];
		for (int i = 3; i < args.length; i++) {
			classes[i - 3] = Files.readAllBytes(Path.of(args[i]));
		}
		// Warm the client and its connection: the timing starts with the first byte written.
		for (int i = 0; i < 50; i++) {
			body(client, request);
		}
		long start = System.nanoTime();
		for (int i = 3; i < args.length; i++) {
			Files.write(target.resolve(Path.of(args[i]).getFileName()), classes[i - 3]);
		}
		while (!body(client, request).contains(marker)) {
			if (System.nanoTime() - start > LIMIT_NANOS) {
				System.err.println("ReloadTimer: " + marker + " never served");
				System.exit(1);
			}
			Thread.sleep(1);
		}
		System.out.println((System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * The response's body, or nothing while the app restarts.
	 */
	private static String body(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, BodyHandlers.ofString()).body();
		}
		catch (Exception ex) {
			return "";
		}
	}

}
