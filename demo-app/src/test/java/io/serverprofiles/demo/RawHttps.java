package io.serverprofiles.demo;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * HTTPS requests written by hand, for what {@code java.net.http} cannot do on Java 17:
 * connect from a chosen loopback address (127.0.0.2 plays a client on another host),
 * announce a body without sending it, or pipeline requests on one connection.
 */
final class RawHttps {

	private final SSLContext sslContext;

	private final int port;

	RawHttps(SSLContext sslContext, int port) {
		this.sslContext = sslContext;
		this.port = port;
	}

	/**
	 * A GET with {@code Host: localhost}, the extra header lines and
	 * {@code Connection: close}.
	 * @param fromAddress the client's loopback address
	 * @param path the path
	 * @param headerLines lines such as {@code X-Request-Id: abc}
	 * @return the raw response
	 */
	String get(String fromAddress, String path, String... headerLines) throws Exception {
		StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
		for (String line : headerLines) {
			request.append(line).append("\r\n");
		}
		return send(fromAddress, request.append("Connection: close\r\n\r\n").toString());
	}

	/**
	 * Send the bytes as written to 127.0.0.1 and read until the server closes.
	 * @param fromAddress the client's loopback address
	 * @param request the whole request (or several)
	 * @return the raw response
	 */
	String send(String fromAddress, String request) throws Exception {
		try (SSLSocket socket = (SSLSocket) this.sslContext.getSocketFactory()
			.createSocket(InetAddress.getByName("127.0.0.1"), this.port, InetAddress.getByName(fromAddress), 0)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(response);
			return response.toString(StandardCharsets.ISO_8859_1);
		}
	}

}
