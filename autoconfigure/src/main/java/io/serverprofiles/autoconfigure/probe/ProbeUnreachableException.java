package io.serverprofiles.autoconfigure.probe;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The deployment could not be reached at all (no connection, no TLS handshake): the probe
 * judges nothing and exits 2.
 */
class ProbeUnreachableException extends UncheckedIOException {

	ProbeUnreachableException(String address, IOException cause) {
		super("cannot reach " + address + ": " + cause.getMessage(), cause);
	}

}
