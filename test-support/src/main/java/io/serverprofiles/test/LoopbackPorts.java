package io.serverprofiles.test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free TCP ports on 127.0.0.1, for processes and host-network containers that a test
 * tells where to listen.
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

}
