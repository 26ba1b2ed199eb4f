package io.serverprofiles.autoconfigure.probe;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * Whether a server still accepts TLS 1.0 or 1.1: a ClientHello for that version written
 * by hand, and the first record of the answer. The JDK's own client cannot ask (both
 * versions are in {@code jdk.tls.disabledAlgorithms}), and changing that security
 * property would change it for the whole JVM.
 */
final class LegacyTlsHello {

	/**
	 * TLS 1.0.
	 */
	static final int TLS_1_0 = 0x0301;

	/**
	 * TLS 1.1.
	 */
	static final int TLS_1_1 = 0x0302;

	private static final int HANDSHAKE = 0x16;

	private static final int SERVER_HELLO = 0x02;

	/**
	 * ECDHE and RSA key exchange with AES-CBC and SHA-1: what every TLS 1.0/1.1 server
	 * speaks.
	 */
	private static final int[] CIPHER_SUITES = { 0xc013, 0xc014, 0xc009, 0xc00a, 0x002f, 0x0035 };

	private LegacyTlsHello() {
	}

	/**
	 * Whether the server answers a ClientHello for this version with a ServerHello of it.
	 * @param host the server
	 * @param port its HTTPS port
	 * @param version {@link #TLS_1_0} or {@link #TLS_1_1}
	 * @param timeout how long to wait
	 * @return whether the server agreed to the version
	 * @throws IOException when the server cannot be reached
	 */
	static boolean accepts(String host, int port, int version, Duration timeout) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
			socket.setSoTimeout((int) timeout.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(clientHello(host, version));
			out.flush();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			try {
				int type = in.readUnsignedByte();
				in.readUnsignedShort();
				in.readUnsignedShort();
				if (type != HANDSHAKE || in.readUnsignedByte() != SERVER_HELLO) {
					return false;
				}
				in.skipNBytes(3);
				return in.readUnsignedShort() == version;
			}
			catch (IOException ex) {
				// Closed or reset instead of an answer: refused.
				return false;
			}
		}
	}

	static byte[] clientHello(String host, int version) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		short16(body, version);
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		body.writeBytes(random);
		body.write(0);
		short16(body, CIPHER_SUITES.length * 2);
		for (int suite : CIPHER_SUITES) {
			short16(body, suite);
		}
		body.write(1);
		body.write(0);
		byte[] extensions = extensions(host);
		short16(body, extensions.length);
		body.writeBytes(extensions);
		byte[] hello = body.toByteArray();
		ByteArrayOutputStream record = new ByteArrayOutputStream();
		record.write(HANDSHAKE);
		short16(record, TLS_1_0);
		short16(record, hello.length + 4);
		record.write(0x01);
		record.write(0);
		short16(record, hello.length);
		record.writeBytes(hello);
		return record.toByteArray();
	}

	private static byte[] extensions(String host) {
		ByteArrayOutputStream extensions = new ByteArrayOutputStream();
		byte[] name = host.getBytes(StandardCharsets.US_ASCII);
		short16(extensions, 0x0000);
		short16(extensions, name.length + 5);
		short16(extensions, name.length + 3);
		extensions.write(0);
		short16(extensions, name.length);
		extensions.writeBytes(name);
		// supported_groups: secp256r1, secp384r1, x25519.
		short16(extensions, 0x000a);
		short16(extensions, 8);
		short16(extensions, 6);
		short16(extensions, 0x0017);
		short16(extensions, 0x0018);
		short16(extensions, 0x001d);
		// ec_point_formats: uncompressed.
		short16(extensions, 0x000b);
		short16(extensions, 2);
		extensions.write(1);
		extensions.write(0);
		return extensions.toByteArray();
	}

	private static void short16(ByteArrayOutputStream out, int value) {
		out.write((value >> 8) & 0xFF);
		out.write(value & 0xFF);
	}

}
