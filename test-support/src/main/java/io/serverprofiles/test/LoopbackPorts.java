package io.serverprofiles.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports on loopback: free ones for processes and host-network containers that a test
 * tells where to listen, and whether one accepts connections on a given loopback address.
 */
public final class LoopbackPorts {

	private LoopbackPorts() {
	}

	/**
	 * Ports that were free a moment ago, all different.
	 * @param count how many
	 * @return the ports
	 * @throws IOException when no socket can be opened
	 */
	public static int[] free(int count) throws IOException {
		int[] ports = new int[count];
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
				sockets.add(socket);
				ports[i] = socket.getLocalPort();
			}
		}
		finally {
			for (ServerSocket socket : sockets) {
				socket.close();
			}
		}
		return ports;
	}

	/**
	 * Whether a port accepts connections on a loopback address. 127.0.0.2 is loopback
	 * too, but a socket bound to 127.0.0.1 does not answer there, while one bound to all
	 * interfaces does: that tells a dev server from a prod one without leaving
	 * 127.0.0.0/8.
	 * @param address a loopback address such as {@code 127.0.0.2}
	 * @param port the port
	 * @return whether a connection was accepted
	 */
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
