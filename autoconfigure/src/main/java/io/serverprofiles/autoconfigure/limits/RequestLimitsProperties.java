package io.serverprofiles.autoconfigure.limits;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the prod server's answers to bad input. The sizes and timeouts they enforce
 * are {@code server-profiles.prod.max-request-size}, {@code max-form-size} and
 * {@code connection-timeout}; the rate of request bodies is here.
 */
@ConfigurationProperties("server-profiles.prod.limits")
public class RequestLimitsProperties {

	/**
	 * Whether bad input is refused with a short JSON body: oversized headers and bodies,
	 * malformed requests, unknown methods and TRACE.
	 */
	private boolean enabled = true;

	/**
	 * Comma-separated list of request methods the application serves. Any other method is
	 * answered with 501; TRACE is always answered with 405.
	 */
	private Set<String> allowedMethods = new LinkedHashSet<>(
			List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));

	/**
	 * Largest refused request body that is still read to its end, and thrown away, before
	 * the connection closes, so that a client still sending it reads the refusal instead
	 * of a connection reset. A larger body is cut off.
	 */
	private DataSize maxDrainSize = DataSize.ofMegabytes(20);

	/**
	 * How many refusals with one status code are logged in full each second. The rest of
	 * that second are counted and reported in one line once it is over, so that a client
	 * sending bad input cannot flood the log. 0 logs only those counts.
	 */
	private int refusalLogRate = 10;

	/**
	 * Whether a request path may hold {@code ;} parameters (also percent-encoded), which
	 * the containers strip before they match the path. Otherwise such a request is
	 * answered with 400. Their one legitimate use is {@code ;jsessionid} URLs, for
	 * clients without cookies; the prod server's session cookies are Secure.
	 */
	private boolean allowPathParameters;

	/**
	 * Slowest average rate, per second, at which a request body the application reads may
	 * arrive once the grace period is over. A slower body is answered with 408. 0 for no
	 * minimum.
	 */
	private DataSize minBodyRate = DataSize.ofBytes(240);

	/**
	 * Time a request body may take before the minimum rate applies.
	 */
	private Duration bodyGracePeriod = Duration.ofSeconds(5);

	/**
	 * Most request-body bytes held in memory at once by bodies received in full before
	 * their handler runs, so that a slowly sent body holds a connection rather than a
	 * request thread, as nginx does for its upstream. Applies to bodies the application
	 * reads itself (not forms or multipart uploads, which the container parses). A body
	 * arriving while the memory is full is answered with 503. 0 turns read-ahead off.
	 */
	private DataSize readAheadSize = DataSize.ofMegabytes(32);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public DataSize getMaxDrainSize() {
		return this.maxDrainSize;
	}

	public void setMaxDrainSize(DataSize maxDrainSize) {
		this.maxDrainSize = maxDrainSize;
	}

	public int getRefusalLogRate() {
		return this.refusalLogRate;
	}

	public void setRefusalLogRate(int refusalLogRate) {
		this.refusalLogRate = refusalLogRate;
	}

	public boolean isAllowPathParameters() {
		return this.allowPathParameters;
	}

	public void setAllowPathParameters(boolean allowPathParameters) {
		this.allowPathParameters = allowPathParameters;
	}

	public DataSize getMinBodyRate() {
		return this.minBodyRate;
	}

	public void setMinBodyRate(DataSize minBodyRate) {
		this.minBodyRate = minBodyRate;
	}

	public Duration getBodyGracePeriod() {
		return this.bodyGracePeriod;
	}

	public void setBodyGracePeriod(Duration bodyGracePeriod) {
		this.bodyGracePeriod = bodyGracePeriod;
	}

	public DataSize getReadAheadSize() {
		return this.readAheadSize;
	}

	public void setReadAheadSize(DataSize readAheadSize) {
		this.readAheadSize = readAheadSize;
	}

	public Set<String> getAllowedMethods() {
		return this.allowedMethods;
	}

	public void setAllowedMethods(Set<String> allowedMethods) {
		this.allowedMethods = allowedMethods;
	}

}
