package io.serverprofiles.autoconfigure.mode;

import io.serverprofiles.autoconfigure.mode.ServerMode.Mode;
import io.serverprofiles.autoconfigure.mode.ServerMode.Signal;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The resolution order of DESIGN.md: property, then profiles, then devtools, else prod.
 */
class ServerModeResolverTests {

	private final MockEnvironment environment = new MockEnvironment();

	private final ServerModeResolver withoutDevTools = new ServerModeResolver(() -> false);

	private final ServerModeResolver withDevTools = new ServerModeResolver(() -> true);

	@Test
	void whenNothingSaysDevThenModeIsProd() {
		ServerMode mode = this.withoutDevTools.resolve(this.environment);
		assertThat(mode.getMode()).isEqualTo(Mode.PROD);
		assertThat(mode.getSignal()).isEqualTo(Signal.DEFAULT);
		assertThat(mode.getReason()).startsWith("no dev signal");
	}

	@Test
	void whenDevToolsRestarterIsActiveThenModeIsDev() {
		ServerMode mode = this.withDevTools.resolve(this.environment);
		assertThat(mode.getMode()).isEqualTo(Mode.DEV);
		assertThat(mode.getSignal()).isEqualTo(Signal.DEVTOOLS);
	}

	@Test
	void devAndDevelopmentAndLocalProfilesMeanDev() {
		for (String profile : new String[] { "dev", "development", "local" }) {
			MockEnvironment environment = new MockEnvironment();
			environment.setActiveProfiles("other", profile);
			ServerMode mode = this.withoutDevTools.resolve(environment);
			assertThat(mode.getMode()).as(profile).isEqualTo(Mode.DEV);
			assertThat(mode.getReason()).isEqualTo("active profile '" + profile + "'");
		}
	}

	@Test
	void prodAndProductionProfilesMeanProdEvenUnderDevTools() {
		for (String profile : new String[] { "prod", "production" }) {
			MockEnvironment environment = new MockEnvironment();
			environment.setActiveProfiles(profile);
			assertThat(this.withDevTools.resolve(environment).getMode()).as(profile).isEqualTo(Mode.PROD);
			assertThat(this.withDevTools.resolve(environment).getSignal()).isEqualTo(Signal.PROFILE);
		}
	}

	@Test
	void propertyBeatsProfiles() {
		this.environment.setActiveProfiles("dev");
		this.environment.setProperty("server-profiles.mode", "prod");
		ServerMode mode = this.withDevTools.resolve(this.environment);
		assertThat(mode.getMode()).isEqualTo(Mode.PROD);
		assertThat(mode.getSignal()).isEqualTo(Signal.PROPERTY);
		assertThat(mode.getReason()).isEqualTo("server-profiles.mode=prod in mockProperties");
	}

	@Test
	void propertyIsCaseInsensitive() {
		this.environment.setProperty("server-profiles.mode", "DEV");
		assertThat(this.withoutDevTools.resolve(this.environment).isDev()).isTrue();
	}

	@Test
	void invalidPropertyValueNamesThePropertyAndTheAllowedValues() {
		this.environment.setProperty("server-profiles.mode", "staging");
		assertThatExceptionOfType(ServerModeException.class)
			.isThrownBy(() -> this.withoutDevTools.resolve(this.environment))
			.withMessageContaining("'staging'")
			.withMessageContaining("'server-profiles.mode'")
			.withMessageContaining("Allowed values are: dev, prod");
	}

	@Test
	void devAndProdProfilesTogetherAreRefused() {
		this.environment.setActiveProfiles("local", "production");
		assertThatExceptionOfType(ServerModeException.class)
			.isThrownBy(() -> this.withoutDevTools.resolve(this.environment))
			.withMessageContaining("'local'")
			.withMessageContaining("'production'")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("server-profiles.mode"));
	}

	@Test
	void describeIsTheOneStartupLine() {
		assertThat(this.withDevTools.resolve(this.environment).describe()).isEqualTo(
				"server-profiles: DEV (devtools restart is active: started by spring-boot:run or an IDE) — set server-profiles.mode to override");
	}

}
