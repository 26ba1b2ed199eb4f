package io.serverprofiles.autoconfigure.hosts;

import java.io.IOException;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;

import io.serverprofiles.autoconfigure.prod.ErrorResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * How a server refuses a request for a host it does not answer: the status and short JSON
 * body, and the line logged once per host, which names the property that allows it.
 */
public final class HostRefusal {

	private final HttpStatus status;

	private final @Nullable String message;

	private final UnaryOperator<String> reason;

	private HostRefusal(HttpStatus status, @Nullable String message, UnaryOperator<String> reason) {
		this.status = status;
		this.message = message;
		this.reason = reason;
	}

	/**
	 * The prod server's refusal of a host not listed: a 400 that says nothing more.
	 * @param property the property that lists the allowed hosts
	 * @return the refusal
	 */
	public static HostRefusal prodServer(String property) {
		return new HostRefusal(HttpStatus.BAD_REQUEST, null, (host) -> ": it is not in " + property + ".");
	}

	/**
	 * The dev server's refusal of a host that is neither a loopback name nor listed,
	 * which guards against DNS rebinding: a 403 whose body and log line say how to allow
	 * the host.
	 * @param property the property that lists the hosts allowed besides loopback
	 * @return the refusal
	 */
	public static HostRefusal devServer(String property) {
		return new HostRefusal(HttpStatus.FORBIDDEN,
				"The dev server answers only loopback host names (DNS rebinding guard). Allow this host with "
						+ property + ".",
				(host) -> " on the dev server: only loopback names are answered (DNS rebinding). Allow it with "
						+ property + "=" + host + " (for a phone on the LAN or a tunnel).");
	}

	void send(HttpServletResponse response, String path) throws IOException {
		ErrorResponse.send(response, this.status.value(), path, this.message);
	}

	String logLine(String host) {
		return "Refused a request for host '" + host + "'" + this.reason.apply(host)
				+ " Further requests for it are refused without logging.";
	}

}
