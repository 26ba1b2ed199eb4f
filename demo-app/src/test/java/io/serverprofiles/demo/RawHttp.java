package io.serverprofiles.demo;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Plain HTTP requests written by hand, for the one thing {@code java.net.http} will not
 * do: send a Host header of the test's choosing (a name the app's allow-list allows).
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * A GET to 127.0.0.1 with this Host and {@code Connection: close}.
	 * @param port the port
	 * @param path the path
	 * @param host the Host header
	 * @return the raw response
	 */
	static String get(int port, String path, String host) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(response);
			return response.toString(StandardCharsets.ISO_8859_1);
		}
	}

}
