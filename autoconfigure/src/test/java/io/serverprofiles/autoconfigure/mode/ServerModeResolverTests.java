package io.serverprofiles.autoconfigure.mode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.serverprofiles.autoconfigure.mode.ServerMode.Mode;
import io.serverprofiles.autoconfigure.mode.ServerMode.Signal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The resolution order of DESIGN.md: property, then profiles, then a development run,
 * else prod.
 */
class ServerModeResolverTests {

	private final MockEnvironment environment = new MockEnvironment();

	private final ServerModeResolver resolver = new ServerModeResolver();

	private ApplicationLaunch packaged;

	private ApplicationLaunch development;

	@BeforeEach
	void launches(@TempDir Path project) throws IOException {
		this.packaged = ApplicationLaunch.of(Files.createFile(project.resolve("app.jar")));
		this.development = ApplicationLaunch.of(Files.createDirectories(project.resolve("target/classes")));
	}

	@Test
	void whenNothingSaysDevThenModeIsProd() {
		ServerMode mode = this.resolver.resolve(this.environment, this.packaged);
		assertThat(mode.getMode()).isEqualTo(Mode.PROD);
		assertThat(mode.getSignal()).isEqualTo(Signal.DEFAULT);
		assertThat(mode.getReason()).startsWith("no dev signal");
	}

	@Test
	void whenNothingSaysDevThenTheReasonSaysHowTheAppWasLaunched() {
		assertThat(this.resolver.resolve(this.environment, this.packaged).getReason())
			.isEqualTo("no dev signal: launched from a packaged jar");
	}

	@Test
	void whenTheAppRunsFromTheBuildsOutputThenModeIsDev() {
		ServerMode mode = this.resolver.resolve(this.environment, this.development);
		assertThat(mode.getMode()).isEqualTo(Mode.DEV);
		assertThat(mode.getSignal()).isEqualTo(Signal.DEVELOPMENT_RUN);
		assertThat(mode.getReason()).startsWith("started from the build's output ").contains("target/classes");
	}

	@Test
	void aProfileThatIsNeitherDevNorProdIsNamedInTheReason() {
		this.environment.setActiveProfiles("staging");
		assertThat(this.resolver.resolve(this.environment, this.packaged).getReason())
			.isEqualTo("active profile 'staging' is neither dev nor prod; no dev signal: launched from a packaged jar");
		this.environment.setActiveProfiles("staging", "eu");
		assertThat(this.resolver.resolve(this.environment, this.development).getReason())
			.startsWith("active profiles 'staging', 'eu' are neither dev nor prod; started from the build's output");
	}

	@Test
	void devAndDevelopmentAndLocalProfilesMeanDev() {
		for (String profile : new String[] { "dev", "development", "local" }) {
			MockEnvironment environment = new MockEnvironment();
			environment.setActiveProfiles("other", profile);
			ServerMode mode = this.resolver.resolve(environment, this.packaged);
			assertThat(mode.getMode()).as(profile).isEqualTo(Mode.DEV);
			assertThat(mode.getReason()).isEqualTo("active profile '" + profile + "'");
		}
	}

	@Test
	void prodAndProductionProfilesMeanProdEvenInADevelopmentRun() {
		for (String profile : new String[] { "prod", "production" }) {
			MockEnvironment environment = new MockEnvironment();
			environment.setActiveProfiles(profile);
			assertThat(this.resolver.resolve(environment, this.development).getMode()).as(profile).isEqualTo(Mode.PROD);
			assertThat(this.resolver.resolve(environment, this.development).getSignal()).isEqualTo(Signal.PROFILE);
		}
	}

	@Test
	void propertyBeatsProfiles() {
		this.environment.setActiveProfiles("dev");
		this.environment.setProperty("server-profiles.mode", "prod");
		ServerMode mode = this.resolver.resolve(this.environment, this.development);
		assertThat(mode.getMode()).isEqualTo(Mode.PROD);
		assertThat(mode.getSignal()).isEqualTo(Signal.PROPERTY);
		assertThat(mode.getReason()).isEqualTo("server-profiles.mode=prod in mockProperties");
	}

	@Test
	void propertyIsCaseInsensitive() {
		this.environment.setProperty("server-profiles.mode", "DEV");
		assertThat(this.resolver.resolve(this.environment, this.packaged).isDev()).isTrue();
	}

	@Test
	void invalidPropertyValueNamesThePropertyAndTheAllowedValues() {
		this.environment.setProperty("server-profiles.mode", "staging");
		assertThatExceptionOfType(ServerModeException.class)
			.isThrownBy(() -> this.resolver.resolve(this.environment, this.packaged))
			.withMessageContaining("'staging'")
			.withMessageContaining("'server-profiles.mode'")
			.withMessageContaining("Allowed values are: dev, prod");
	}

	@Test
	void devAndProdProfilesTogetherAreRefused() {
		this.environment.setActiveProfiles("local", "production");
		assertThatExceptionOfType(ServerModeException.class)
			.isThrownBy(() -> this.resolver.resolve(this.environment, this.packaged))
			.withMessageContaining("'local'")
			.withMessageContaining("'production'")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("server-profiles.mode"));
	}

	@Test
	void describeIsTheOneStartupLine() {
		assertThat(this.resolver.resolve(this.environment, this.packaged).describe()).isEqualTo(
				"server-profiles: PROD (no dev signal: launched from a packaged jar) — set server-profiles.mode to override");
	}

}
