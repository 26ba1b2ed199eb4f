package io.serverprofiles.autoconfigure.actuate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.serverprofiles.autoconfigure.mode.ServerMode;

/**
 * The gauge {@code server.profiles.mode} (Prometheus: {@code server_profiles_mode}), 1
 * with the tag {@code mode}, so dashboards can tell dev instances from prod ones.
 */
class ServerModeMetrics implements MeterBinder {

	private final ServerMode mode;

	ServerModeMetrics(ServerMode mode) {
		this.mode = mode;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("server.profiles.mode", () -> 1)
			.description("Server mode of this instance, as the mode tag")
			.tag("mode", this.mode.getMode().profile())
			.register(registry);
	}

}
