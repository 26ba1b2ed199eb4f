package io.serverprofiles.autoconfigure.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket: for what {@code java.net.http} refuses to send
 * (a Host header, malformed requests) and for choosing the client's loopback address
 * (127.0.0.2 plays an untrusted peer).
 */
public final class RawHttp {

	private final String localAddress;

	private RawHttp(String localAddress) {
		this.localAddress = localAddress;
	}

	/**
	 * A client that connects from the given loopback address.
	 * @param localAddress e.g. {@code 127.0.0.2}
	 * @return the client
	 */
	public static RawHttp from(String localAddress) {
		return new RawHttp(localAddress);
	}

	/**
	 * Send a GET with the given extra header lines and {@code Connection: close}.
	 * @param port the server port on 127.0.0.1
	 * @param path the path
	 * @param headerLines lines such as {@code X-Forwarded-For: 1.2.3.4}
	 * @return the response
	 */
	public Response get(int port, String path, String... headerLines) {
		StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
		if (List.of(headerLines).stream().noneMatch((line) -> line.toLowerCase(Locale.ROOT).startsWith("host:"))) {
			request.append("Host: 127.0.0.1:").append(port).append("\r\n");
		}
		for (String line : headerLines) {
			request.append(line).append("\r\n");
		}
		return send(port, request.append("Connection: close\r\n\r\n").toString());
	}

	/**
	 * Send the bytes as they are and read the response until the server closes.
	 * @param port the server port on 127.0.0.1
	 * @param request the whole request
	 * @return the response
	 */
	public Response send(int port, String request) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(this.localAddress), 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return Response.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}

	/**
	 * A parsed response; header names are lower case.
	 *
	 * @param status the status code
	 * @param headers the headers
	 * @param body the body, de-chunked
	 */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values != null) ? values.get(0) : null;
		}

		static Response parse(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IllegalStateException("no complete response: " + text);
			}
			String[] lines = text.substring(0, end).split("\r\n");
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers
					.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							(name) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).trim());
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(String.join(",", headers.getOrDefault("transfer-encoding", List.of())))) {
				body = dechunk(body);
			}
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			return new Response(status, headers,
					new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int position = 0;
			while (position < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", position);
				int size = Integer.parseInt(chunked.substring(position, lineEnd).split(";")[0].trim(), 16);
				if (size == 0) {
					break;
				}
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				position = lineEnd + 2 + size + 2;
			}
			return body.toString();
		}

	}

}
