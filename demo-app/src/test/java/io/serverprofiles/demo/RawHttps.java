package io.serverprofiles.demo;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
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
		return send(fromAddress, "localhost", request);
	}

	/**
	 * Send the bytes as written, with this name in the TLS handshake (SNI), as browsers
	 * send it (Java leaves SNI out for a socket made from an address).
	 * @param fromAddress the client's loopback address
	 * @param serverName the name the handshake asks for
	 * @param request the whole request (or several)
	 * @return the raw response
	 */
	String send(String fromAddress, String serverName, String request) throws Exception {
		forgetSessions();
		try (SSLSocket socket = (SSLSocket) this.sslContext.getSocketFactory()
			.createSocket(InetAddress.getByName("127.0.0.1"), this.port, InetAddress.getByName(fromAddress), 0)) {
			SSLParameters parameters = socket.getSSLParameters();
			parameters.setServerNames(List.of(new SNIHostName(serverName)));
			socket.setSSLParameters(parameters);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(response);
			return response.toString(StandardCharsets.ISO_8859_1);
		}
	}

	/**
	 * A full handshake every time: a resumed session would skip the server's choice by
	 * name (SNI) that some tests are about.
	 */
	private void forgetSessions() {
		SSLSessionContext sessions = this.sslContext.getClientSessionContext();
		Collections.list(sessions.getIds()).forEach((id) -> {
			SSLSession session = sessions.getSession(id);
			if (session != null) {
				session.invalidate();
			}
		});
	}

}
