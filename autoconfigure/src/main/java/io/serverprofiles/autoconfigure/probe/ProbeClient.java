package io.serverprofiles.autoconfigure.probe;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 written by hand, one request per connection: {@code java.net.http} refuses a
 * Host header of our choosing and normalises paths such as {@code /actuator;/env}, which
 * are exactly what the probe sends. Every TLS connection asks for the deployment's name
 * (SNI) and trusts only what {@link CertificateRecorder} accepted at the first handshake.
 */
final class ProbeClient {

	private static final int RATE_LIMITED = 429;

	private static final int RETRIES = 3;

	private final String host;

	private final int httpsPort;

	private final int httpPort;

	private final SSLContext tls;

	private final int timeoutMillis;

	ProbeClient(String host, int httpsPort, int httpPort, SSLContext tls, Duration timeout) {
		this.host = host;
		this.httpsPort = httpsPort;
		this.httpPort = httpPort;
		this.tls = tls;
		this.timeoutMillis = (int) timeout.toMillis();
	}

	Duration timeout() {
		return Duration.ofMillis(this.timeoutMillis);
	}

	/**
	 * A GET over HTTPS, with {@code Host} the deployment's unless a line gives one.
	 * Answered 429 (the proxy's rate limit), it waits a second and asks again.
	 * @param path the path as sent, not normalised
	 * @param headerLines extra lines such as {@code X-Forwarded-For: 203.0.113.7}
	 * @return the response
	 */
	ProbeResponse get(String path, String... headerLines) {
		ProbeResponse response = send(true, head("GET", path, headerLines), 0);
		for (int retry = 0; retry < RETRIES && response.status() == RATE_LIMITED; retry++) {
			pause();
			response = send(true, head("GET", path, headerLines), 0);
		}
		return response;
	}

	/**
	 * A GET over plain HTTP, to the deployment's HTTP port.
	 * @param path the path
	 * @param headerLines extra lines
	 * @return the response
	 */
	ProbeResponse plainGet(String path, String... headerLines) {
		return send(false, head("GET", path, headerLines), 0);
	}

	/**
	 * A POST of {@code length} bytes over HTTPS. The body follows only when the server
	 * has not answered the announced length within a second, so a refusal from the
	 * headers alone costs no upload; it stops when the server answers and the connection
	 * closes.
	 * @param path the path
	 * @param length the body's length
	 * @return the response
	 */
	ProbeResponse post(String path, long length) {
		return send(true, head("POST", path, "Content-Type: application/octet-stream", "Content-Length: " + length),
				length);
	}

	/**
	 * A POST that announces {@code length} bytes and sends none of them: a proxy or an
	 * app with a smaller limit refuses it from the announced length at once.
	 * @param path the path
	 * @param length the announced length
	 * @return the answer given within a second, or {@code null} when the server waits for
	 * the body, as it does for a length it accepts
	 */
	@Nullable ProbeResponse announce(String path, long length) {
		String head = head("POST", path, "Content-Type: application/octet-stream", "Content-Length: " + length);
		try (Socket socket = connect(true)) {
			socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			PushbackInputStream in = new PushbackInputStream(new BufferedInputStream(socket.getInputStream()));
			if (!answersWithin(socket, in, 1000)) {
				return null;
			}
			socket.setSoTimeout(this.timeoutMillis);
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String head(String method, String path, String... headerLines) {
		StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		if (List.of(headerLines).stream().noneMatch((line) -> line.toLowerCase(Locale.ROOT).startsWith("host:"))) {
			head.append("Host: ").append(authority()).append("\r\n");
		}
		for (String line : headerLines) {
			head.append(line).append("\r\n");
		}
		return head.append("User-Agent: server-profiles-probe\r\nConnection: close\r\n\r\n").toString();
	}

	/**
	 * The Host of the deployment, as a browser sends it to the HTTPS port.
	 * @return the host, with the port when it is not 443
	 */
	String authority() {
		return (this.httpsPort == 443) ? this.host : this.host + ":" + this.httpsPort;
	}

	private ProbeResponse send(boolean secure, String head, long bodyLength) {
		try (Socket socket = connect(secure)) {
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			PushbackInputStream in = new PushbackInputStream(new BufferedInputStream(socket.getInputStream()));
			if (bodyLength > 0 && !answersWithin(socket, in, 1000)) {
				// On a thread of its own: a server that answers before it has read the
				// whole body stops reading, and the write would block until it gives up.
				Thread writer = new Thread(() -> writeBody(out, bodyLength), "server-profiles-probe-body");
				writer.setDaemon(true);
				writer.start();
			}
			socket.setSoTimeout(this.timeoutMillis);
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Socket connect(boolean secure) throws IOException {
		int port = secure ? this.httpsPort : this.httpPort;
		Socket socket = secure ? this.tls.getSocketFactory().createSocket() : new Socket();
		try {
			socket.connect(new InetSocketAddress(this.host, port), this.timeoutMillis);
			socket.setSoTimeout(this.timeoutMillis);
			if (socket instanceof SSLSocket tlsSocket) {
				SSLParameters parameters = tlsSocket.getSSLParameters();
				parameters.setServerNames(List.of(new SNIHostName(this.host)));
				tlsSocket.setSSLParameters(parameters);
				tlsSocket.startHandshake();
			}
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw new ProbeUnreachableException(this.host + ":" + port, ex);
		}
	}

	private static boolean answersWithin(Socket socket, PushbackInputStream in, int millis) throws IOException {
		socket.setSoTimeout(millis);
		try {
			int first = in.read();
			if (first != -1) {
				in.unread(first);
			}
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
	}

	private static void writeBody(OutputStream out, long length) {
		byte[] chunk = new byte[64 * 1024];
		try {
			for (long left = length; left > 0; left -= chunk.length) {
				out.write(chunk, 0, (int) Math.min(chunk.length, left));
			}
			out.flush();
		}
		catch (IOException ex) {
			// A server that refuses may close before the body is sent: its answer tells.
		}
	}

	private static ProbeResponse read(InputStream in) throws IOException {
		String statusLine;
		try {
			statusLine = readLine(in);
		}
		catch (EOFException | SocketException ex) {
			// Closed or reset without a status line: dropped, as nginx's 444 does.
			return ProbeResponse.dropped();
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers
					.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(line.substring(colon + 1).trim());
			}
		}
		String[] parts = statusLine.split(" ", 3);
		int status = (parts.length >= 2) ? Integer.parseInt(parts[1]) : ProbeResponse.DROPPED;
		return new ProbeResponse(status, headers, readBody(in, headers));
	}

	private static String readBody(InputStream in, Map<String, List<String>> headers) throws IOException {
		List<String> length = headers.get("content-length");
		if (length != null) {
			return text(in.readNBytes(Integer.parseInt(length.get(0).trim())));
		}
		if (String.join(",", headers.getOrDefault("transfer-encoding", List.of()))
			.toLowerCase(Locale.ROOT)
			.contains("chunked")) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
				body.write(in.readNBytes(size));
				readLine(in);
			}
			return text(body.toByteArray());
		}
		try {
			return text(in.readAllBytes());
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static int chunkSize(InputStream in) throws IOException {
		return Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b == -1) {
				throw new EOFException("closed after: " + text(line.toByteArray()));
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

	private static void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
