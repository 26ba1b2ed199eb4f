package io.serverprofiles.autoconfigure.actuate;

import java.util.Map;

import io.serverprofiles.autoconfigure.mode.ServerMode;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds {@code "server-profiles": {"mode": "prod"}} to {@code /actuator/info}. Only the
 * mode: info is public in prod, the reason is for the serverprofile endpoint.
 */
class ServerModeInfoContributor implements InfoContributor {

	private final ServerMode mode;

	ServerModeInfoContributor(ServerMode mode) {
		this.mode = mode;
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("server-profiles", Map.of("mode", this.mode.getMode().profile()));
	}

}
