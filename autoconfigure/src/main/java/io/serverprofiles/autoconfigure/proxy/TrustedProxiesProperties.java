package io.serverprofiles.autoconfigure.proxy;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Which peers may tell the prod server who the client is.
 */
@ConfigurationProperties("server-profiles.prod")
public class TrustedProxiesProperties {

	/**
	 * Comma-separated list of CIDR ranges (IPv4 or IPv6) whose X-Forwarded-* and
	 * Forwarded headers are honoured. Defaults to loopback and the private ranges, like
	 * Tomcat's own default.
	 */
	private List<String> trustedProxies = new ArrayList<>(List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8",
			"172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "fc00::/7", "fe80::/10"));

	public List<String> getTrustedProxies() {
		return this.trustedProxies;
	}

	public void setTrustedProxies(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies;
	}

	/**
	 * The ranges, parsed; an entry that is not a range fails startup naming the property.
	 * @return the trusted proxies
	 */
	TrustedProxies toTrustedProxies() {
		try {
			return TrustedProxies.of(this.trustedProxies);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("server-profiles.prod.trusted-proxies",
					this.trustedProxies,
					ex.getMessage() + ". Use CIDR ranges such as 10.0.0.0/8 or fd00::/8, or single addresses");
		}
	}

}
