package io.serverprofiles.autoconfigure.deploy;

import io.serverprofiles.autoconfigure.prod.ProdServerProperties;
import java.util.List;
import java.util.stream.Stream;

import io.serverprofiles.autoconfigure.hosts.HostAllowList;
import io.serverprofiles.autoconfigure.hosts.HostAllowListAutoConfiguration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The names the bundle serves must be names the application answers: a server name that
 * {@code server-profiles.prod.allowed-hosts} refuses renders a deployment that answers
 * 400 to every request. The export warns, or fails when
 * {@code server-profiles.deploy.strict} asks it to.
 */
final class RenderedNameCheck {

	private static final Log logger = LogFactory.getLog(RenderedNameCheck.class);

	private RenderedNameCheck() {
	}

	static void check(DeployProperties deploy, List<String> allowedHosts) {
		HostAllowList allowList = HostAllowList.of(ProdServerProperties.ALLOWED_HOSTS, allowedHosts);
		List<String> refused = Stream.of(deploy.getServerName().strip().split("\\s+"))
			.filter((name) -> !allowList.allows(name))
			.toList();
		if (refused.isEmpty()) {
			return;
		}
		String problem = "server-profiles.deploy.server-name " + refused + " is not in "
				+ ProdServerProperties.ALLOWED_HOSTS + " " + allowedHosts
				+ ": the deployment would answer 400 to every request for it. Add it to "
				+ ProdServerProperties.ALLOWED_HOSTS + ", or render the name the application allows";
		if (deploy.isStrict()) {
			throw new InvalidConfigurationPropertyValueException("server-profiles.deploy.server-name",
					deploy.getServerName(), problem);
		}
		logger.warn("server-profiles: " + problem + " (server-profiles.deploy.strict=true makes this a failure)");
	}

}
