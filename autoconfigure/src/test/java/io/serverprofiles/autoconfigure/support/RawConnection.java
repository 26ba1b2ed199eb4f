package io.serverprofiles.autoconfigure.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A plain socket to the server on 127.0.0.1 that writes exactly the bytes a test gives
 * it, so that tests can send what {@code java.net.http.HttpClient} refuses to: malformed
 * request lines, oversized headers, unknown methods, bodies trickled a piece at a time.
 */
public final class RawConnection implements AutoCloseable {

	private final Socket socket;

	private RawConnection(Socket socket) {
		this.socket = socket;
	}

	/**
	 * Open a connection to the given loopback port.
	 * @param port the server port
	 * @return the open connection
	 */
	public static RawConnection open(int port) {
		try {
			Socket socket = new Socket();
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10_000);
			return new RawConnection(socket);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Send one request on a connection of its own and read the response.
	 * @param port the server port
	 * @param request the request, sent as ISO-8859-1 bytes
	 * @return the response
	 */
	public static Response exchange(int port, String request) {
		try (RawConnection http = open(port)) {
			http.write(request);
			return http.readResponse();
		}
	}

	/**
	 * Write bytes. A server that refuses a request may close before the client has sent
	 * all of it: the failed write is ignored, and reading tells what the server said.
	 * @param text the text to write as ISO-8859-1 bytes
	 * @return whether every byte was written
	 */
	public boolean write(String text) {
		try {
			this.socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
			this.socket.getOutputStream().flush();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Read one response: status line, headers and a body framed by Content-Length, by
	 * chunked encoding, or by the end of the connection.
	 * @return the response
	 */
	public Response readResponse() {
		try {
			InputStream in = this.socket.getInputStream();
			String statusLine = readLine(in);
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
				int colon = line.indexOf(':');
				headers.merge(line.substring(0, colon).trim(), line.substring(colon + 1).trim(),
						(a, b) -> a + ", " + b);
			}
			int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
			return new Response(status, headers, readBody(in, headers));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Wait until the server closes the connection, reading and discarding what it sends.
	 * @param limit how long to wait at most
	 * @return whether the server closed the connection in time
	 */
	public boolean awaitClosedByServer(Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				this.socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
				if (this.socket.getInputStream().read() == -1) {
					return true;
				}
			}
			return false;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			// A reset is a close too.
			return true;
		}
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Closing a socket the server already closed.
		}
	}

	private static String readBody(InputStream in, Map<String, String> headers) throws IOException {
		if (headers.containsKey("Content-Length")) {
			return text(in.readNBytes(Integer.parseInt(headers.get("Content-Length"))));
		}
		if (headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
				body.write(in.readNBytes(size));
				readLine(in);
			}
			for (String trailer = readLine(in); !trailer.isEmpty(); trailer = readLine(in)) {
				// Trailer fields are not needed.
			}
			return text(body.toByteArray());
		}
		return text(in.readAllBytes());
	}

	private static int chunkSize(InputStream in) throws IOException {
		String line = readLine(in);
		return Integer.parseInt(line.split(";")[0].trim(), 16);
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b == -1) {
				throw new EOFException("Connection closed after: " + text(line.toByteArray()));
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return text(line.toByteArray());
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * A response as it came over the wire.
	 *
	 * @param status the status code
	 * @param headers the headers, names case-insensitive, repeated ones joined by commas
	 * @param body the body, decoded as UTF-8
	 */
	public record Response(int status, Map<String, String> headers, String body) {

		public Optional<String> header(String name) {
			return Optional.ofNullable(this.headers.get(name));
		}

	}

}
