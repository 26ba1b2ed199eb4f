package io.serverprofiles.autoconfigure.probe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The short-lived token that opens the whoami trace in prod: {@code SECONDS.HMAC}, an
 * HMAC-SHA256 of the Unix time in seconds with the secret the application and the probe
 * share, valid for a minute either side. No secret ever crosses the wire, and a captured
 * token is worth a minute of a read-only trace.
 */
final class WhoamiToken {

	/**
	 * The request header that carries the token.
	 */
	static final String HEADER = "X-Server-Profiles-Probe";

	/**
	 * Shortest secret accepted: 256 bits of base64 or hex is longer.
	 */
	static final int MIN_SECRET_LENGTH = 32;

	private static final Duration VALIDITY = Duration.ofSeconds(60);

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	private final Clock clock;

	/**
	 * The token of the configured secret, or a failure that names the property and the
	 * fix.
	 * @param secret {@code server-profiles.probe.secret}
	 * @param clock the clock
	 * @return the token
	 */
	static WhoamiToken ofConfiguredSecret(@Nullable String secret, Clock clock) {
		try {
			return new WhoamiToken((secret != null) ? secret : "", clock);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(ProbeProperties.SECRET, "(hidden)",
					ex.getMessage() + ". Use a random value, e.g. openssl rand -hex 32, from an environment variable");
		}
	}

	WhoamiToken(String secret, Clock clock) {
		if (secret.length() < MIN_SECRET_LENGTH) {
			throw new IllegalArgumentException(
					ProbeProperties.SECRET + " is shorter than " + MIN_SECRET_LENGTH + " characters");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.clock = clock;
	}

	/**
	 * A token for now.
	 * @return the header value
	 */
	String create() {
		String seconds = Long.toString(this.clock.instant().getEpochSecond());
		return seconds + "." + sign(seconds);
	}

	/**
	 * Whether a header value is a token made with the secret within the last or next
	 * minute.
	 * @param token the header value, if any
	 * @return whether it opens the trace
	 */
	boolean isValid(@Nullable String token) {
		if (token == null) {
			return false;
		}
		int dot = token.indexOf('.');
		if (dot < 1 || dot > 19) {
			return false;
		}
		String seconds = token.substring(0, dot);
		long issued;
		try {
			issued = Long.parseLong(seconds);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Math.abs(this.clock.instant().getEpochSecond() - issued) > VALIDITY.toSeconds()) {
			return false;
		}
		return MessageDigest.isEqual(sign(seconds).getBytes(StandardCharsets.US_ASCII),
				token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
	}

	private String sign(String seconds) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(("whoami:" + seconds).getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
