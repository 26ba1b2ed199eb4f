package io.serverprofiles.autoconfigure.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Whether a port accepts connections on a loopback address. 127.0.0.2 is loopback too,
 * but a socket bound to 127.0.0.1 does not answer there, while one bound to all
 * interfaces does.
 */
public final class Loopback {

	private Loopback() {
	}

	public static boolean accepts(String address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
