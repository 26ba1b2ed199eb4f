package io.serverprofiles.autoconfigure.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.http.HttpHeaders;

/**
 * HTTP/1.1 written by hand on a socket to 127.0.0.1, for what {@code java.net.http} will
 * not send: a Host header of the test's choosing (it derives Host from the URI) or a
 * malformed request. One request per connection.
 */
public final class RawHttp {

	private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

	private RawHttp() {
	}

	/**
	 * Send a GET with the given Host header.
	 * @param port the server's port on 127.0.0.1
	 * @param host the Host header
	 * @param path the request target
	 * @return the response
	 */
	public static Response get(int port, String host, String path) {
		return exchange(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
	}

	/**
	 * Send a request exactly as written and read the response until the server closes.
	 * @param port the server's port on 127.0.0.1
	 * @param request the whole request, CRLF line ends included
	 * @return the response
	 */
	public static Response exchange(int port, String request) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(30000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return Response.parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A response as read from the wire, a chunked body decoded.
	 *
	 * @param status the status code
	 * @param headers the headers, names compared without case
	 * @param body the body as UTF-8 text
	 */
	public record Response(int status, HttpHeaders headers, String body) {

		static Response parse(byte[] bytes) {
			int headEnd = indexOf(bytes, END_OF_HEAD, 0);
			if (headEnd < 0) {
				throw new IllegalStateException("No complete response head in " + bytes.length + " bytes");
			}
			String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			HttpHeaders headers = new HttpHeaders();
			for (String line : Arrays.asList(lines).subList(1, lines.length)) {
				int colon = line.indexOf(':');
				headers.add(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
			}
			byte[] body = Arrays.copyOfRange(bytes, headEnd + END_OF_HEAD.length, bytes.length);
			if ("chunked".equalsIgnoreCase(headers.getFirst(HttpHeaders.TRANSFER_ENCODING))) {
				body = dechunk(body);
			}
			return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] dechunk(byte[] chunked) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			int position = 0;
			while (true) {
				int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), position);
				String sizeLine = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
				int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
				if (size == 0) {
					return body.toByteArray();
				}
				body.write(chunked, lineEnd + 2, size);
				position = lineEnd + 2 + size + 2;
			}
		}

		private static int indexOf(byte[] bytes, byte[] target, int from) {
			for (int i = from; i <= bytes.length - target.length; i++) {
				if (Arrays.equals(bytes, i, i + target.length, target, 0, target.length)) {
					return i;
				}
			}
			return -1;
		}

	}

}
