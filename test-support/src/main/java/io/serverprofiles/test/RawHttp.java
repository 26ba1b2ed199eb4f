package io.serverprofiles.test;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 written by hand over a socket to a port on 127.0.0.1, plain or over TLS, for
 * what {@code java.net.http} refuses or cannot do: a Host header of the test's choosing,
 * malformed requests, bodies announced and never sent or trickled a byte at a time,
 * pipelined requests, a chosen client address (127.0.0.2 plays a peer on another host)
 * and a chosen TLS server name (SNI).
 *
 * <pre class="code">
 * RawHttp.Response response = RawHttp.to(port).from("127.0.0.2").get("/", "Host: evil.example");
 * assertThat(response.status()).isEqualTo(400);
 * </pre>
 */
public final class RawHttp {

	private static final int CONNECT_TIMEOUT_MILLIS = 5000;

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

	private final int port;

	private final @Nullable String fromAddress;

	private final @Nullable SSLContext tls;

	private final @Nullable String serverName;

	private RawHttp(int port, @Nullable String fromAddress, @Nullable SSLContext tls, @Nullable String serverName) {
		this.port = port;
		this.fromAddress = fromAddress;
		this.tls = tls;
		this.serverName = serverName;
	}

	/**
	 * Plain HTTP to a port on 127.0.0.1.
	 * @param port the server's port
	 * @return the client
	 */
	public static RawHttp to(int port) {
		return new RawHttp(port, null, null, null);
	}

	/**
	 * The same client, connecting from a loopback address of its own.
	 * @param address e.g. {@code 127.0.0.2}
	 * @return the client
	 */
	public RawHttp from(String address) {
		return new RawHttp(this.port, address, this.tls, this.serverName);
	}

	/**
	 * The same client over TLS: a full handshake for every connection, asking for this
	 * name, as browsers do (Java leaves SNI out for a socket made from an address).
	 * @param context trusts the server's certificate
	 * ({@link TestCertificates#sslContext()})
	 * @param serverName the name the handshake asks for, and the default Host
	 * @return the client
	 */
	public RawHttp overTls(SSLContext context, String serverName) {
		return new RawHttp(this.port, this.fromAddress, context, serverName);
	}

	/**
	 * A GET with the extra header lines and {@code Connection: close}. The Host is the
	 * TLS server name, or {@code 127.0.0.1:port}, unless a line gives one.
	 * @param path the path
	 * @param headerLines lines such as {@code X-Forwarded-For: 1.2.3.4}
	 * @return the response
	 */
	public Response get(String path, String... headerLines) {
		StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
		if (List.of(headerLines).stream().noneMatch((line) -> line.toLowerCase(Locale.ROOT).startsWith("host:"))) {
			request.append("Host: ")
				.append((this.serverName != null) ? this.serverName : "127.0.0.1:" + this.port)
				.append("\r\n");
		}
		for (String line : headerLines) {
			request.append(line).append("\r\n");
		}
		return send(request.append("Connection: close\r\n\r\n").toString());
	}

	/**
	 * Send the bytes as they are on a connection of their own and read the response.
	 * @param request the whole request, sent as ISO-8859-1 bytes
	 * @return the response
	 */
	public Response send(String request) {
		try (Connection connection = open()) {
			connection.write(request);
			return connection.readResponse();
		}
	}

	/**
	 * Send the bytes as they are on a connection of their own and read until the server
	 * closes it: several responses for pipelined requests, nothing at all from a server
	 * that drops the connection.
	 * @param request the whole request (or several), sent as ISO-8859-1 bytes
	 * @return everything the server sent, as ISO-8859-1 text
	 */
	public String sendReadingUntilClosed(String request) {
		try (Connection connection = open()) {
			connection.write(request);
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			connection.socket.getInputStream().transferTo(received);
			return received.toString(StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Open a connection, for a test that writes and reads at its own pace.
	 * @return the open connection
	 * @throws UncheckedIOException when the server cannot be reached, or refuses the TLS
	 * handshake (an {@code SSLException} as its cause)
	 */
	public Connection open() {
		Socket socket = null;
		try {
			socket = (this.tls != null) ? this.tls.getSocketFactory().createSocket() : new Socket();
			if (this.fromAddress != null) {
				socket.bind(new InetSocketAddress(InetAddress.getByName(this.fromAddress), 0));
			}
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), CONNECT_TIMEOUT_MILLIS);
			socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
			if (socket instanceof SSLSocket tlsSocket) {
				handshake(tlsSocket);
			}
			return new Connection(socket);
		}
		catch (IOException ex) {
			if (socket != null) {
				closeQuietly(socket);
			}
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Asking for the server name, and now rather than at the first write, which ignores a
	 * server that closes: a refused handshake is an SSLException from open().
	 */
	private void handshake(SSLSocket socket) throws IOException {
		SSLContext context = this.tls;
		String name = this.serverName;
		if (context == null || name == null) {
			throw new IllegalStateException("a TLS socket from a client made without overTls");
		}
		forgetSessions(context);
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setServerNames(List.of(new SNIHostName(name)));
		socket.setSSLParameters(parameters);
		socket.startHandshake();
	}

	/**
	 * A full handshake every time: a resumed session would skip the server's choice by
	 * name (SNI) that some tests are about.
	 */
	private static void forgetSessions(SSLContext context) {
		SSLSessionContext sessions = context.getClientSessionContext();
		Collections.list(sessions.getIds()).forEach((id) -> {
			SSLSession session = sessions.getSession(id);
			if (session != null) {
				session.invalidate();
			}
		});
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing a socket the server already closed.
		}
	}

	/**
	 * One connection, writing exactly the bytes a test gives it.
	 */
	public static final class Connection implements AutoCloseable {

		private final Socket socket;

		private final RecordingInputStream in;

		private Connection(Socket socket) throws IOException {
			this.socket = socket;
			this.in = new RecordingInputStream(socket.getInputStream());
		}

		/**
		 * Write bytes. A server that refuses a request may close before the client has
		 * sent all of it: the failed write is ignored, and reading tells what the server
		 * said.
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
				this.in.startRecording();
				String statusLine = readLine(this.in);
				Map<String, List<String>> headers = new LinkedHashMap<>();
				for (String line = readLine(this.in); !line.isEmpty(); line = readLine(this.in)) {
					int colon = line.indexOf(':');
					headers
						.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
								(name) -> new ArrayList<>())
						.add(line.substring(colon + 1).trim());
				}
				int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
				String body = readBody(this.in, headers);
				return new Response(status, headers, body, this.in.recorded());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Wait until the server closes the connection, reading and discarding what it
		 * sends.
		 * @param limit how long to wait at most
		 * @return whether the server closed the connection in time
		 */
		public boolean awaitClosedByServer(Duration limit) {
			long deadline = System.nanoTime() + limit.toNanos();
			try {
				while (System.nanoTime() < deadline) {
					this.socket
						.setSoTimeout((int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis()));
					if (this.in.read() == -1) {
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
			closeQuietly(this.socket);
		}

		private static String readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
			List<String> length = headers.get("content-length");
			if (length != null) {
				return text(in.readNBytes(Integer.parseInt(length.get(0))));
			}
			if (String.join(",", headers.getOrDefault("transfer-encoding", List.of()))
				.toLowerCase(Locale.ROOT)
				.contains("chunked")) {
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
			return Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
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

	}

	/**
	 * A response as it came over the wire.
	 *
	 * @param status the status code
	 * @param headers the header fields by lower-case name, each with its values in order
	 * @param body the body, de-chunked, decoded as UTF-8
	 * @param text the whole response as received (status line, headers, body as sent),
	 * decoded as ISO-8859-1
	 */
	public record Response(int status, Map<String, List<String>> headers, String body, String text) {

		/**
		 * A header's value; a field sent more than once has its values joined by commas,
		 * as HTTP combines them.
		 * @param name the name, in any case
		 * @return the value, if the response has the header
		 */
		public Optional<String> header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return Optional.ofNullable(values).map((all) -> String.join(", ", all));
		}

	}

	/**
	 * The socket's input, with a copy of what was read since a response began.
	 */
	private static final class RecordingInputStream extends FilterInputStream {

		private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

		RecordingInputStream(InputStream in) {
			super(in);
		}

		void startRecording() {
			this.recorded.reset();
		}

		String recorded() {
			return this.recorded.toString(StandardCharsets.ISO_8859_1);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b != -1) {
				this.recorded.write(b);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = super.read(buffer, offset, length);
			if (count > 0) {
				this.recorded.write(buffer, offset, count);
			}
			return count;
		}

	}

}
