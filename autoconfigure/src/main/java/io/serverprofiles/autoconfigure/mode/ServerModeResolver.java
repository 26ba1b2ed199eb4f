package io.serverprofiles.autoconfigure.mode;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.serverprofiles.autoconfigure.mode.ServerMode.Mode;
import io.serverprofiles.autoconfigure.mode.ServerMode.Signal;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides between dev and prod: {@code server-profiles.mode}, then active profiles, then
 * a development run (classes from a build's output), otherwise prod. Called once per
 * start, by {@link ServerModeProfileEnvironmentPostProcessor}; everything else reads the
 * published {@link ServerModeDecision}.
 */
public class ServerModeResolver {

	static final Set<String> DEV_PROFILES = Set.of("dev", "development", "local");

	static final Set<String> PROD_PROFILES = Set.of("prod", "production");

	/**
	 * Resolve the mode from everything the environment holds now.
	 * @param environment the environment
	 * @param launch how the application was launched
	 * @return the mode and its reason
	 * @throws ServerModeException when the property is invalid or profiles contradict
	 */
	ServerMode resolve(Environment environment, ApplicationLaunch launch) {
		ServerMode byProperty = fromProperty(environment);
		if (byProperty != null) {
			return byProperty;
		}
		Set<String> profiles = activeProfiles(environment);
		ServerMode byProfile = fromProfiles(profiles);
		if (byProfile != null) {
			return byProfile;
		}
		String otherProfiles = profiles.isEmpty() ? "" : neitherDevNorProd(profiles);
		if (launch.isDevelopmentRun()) {
			return new ServerMode(Mode.DEV, Signal.DEVELOPMENT_RUN, otherProfiles + launch.getDescription());
		}
		return new ServerMode(Mode.PROD, Signal.DEFAULT, otherProfiles + "no dev signal: " + launch.getDescription());
	}

	/**
	 * The mode that {@code server-profiles.mode} names, if it is set.
	 * @param environment the environment
	 * @return the mode, or {@code null} when the property is not set
	 * @throws ServerModeException when the property is invalid
	 */
	@Nullable ServerMode fromProperty(Environment environment) {
		String value = environment.getProperty(ServerProfilesProperties.MODE);
		if (!StringUtils.hasText(value)) {
			return null;
		}
		String source = sourceOf(environment);
		Mode mode = Mode.parse(value);
		if (mode == null) {
			throw ServerModeException.invalidValue(value, source);
		}
		return new ServerMode(mode, Signal.PROPERTY,
				ServerProfilesProperties.MODE + "=" + mode.profile() + " in " + source);
	}

	/**
	 * The mode named by a dev or prod profile among these, if any.
	 * @param activeProfiles active profiles
	 * @return the mode, or {@code null} when none of them names one
	 */
	@Nullable ServerMode fromProfiles(Set<String> activeProfiles) {
		List<String> dev = activeProfiles.stream().filter(DEV_PROFILES::contains).toList();
		List<String> prod = activeProfiles.stream().filter(PROD_PROFILES::contains).toList();
		if (!dev.isEmpty() && !prod.isEmpty()) {
			throw ServerModeException.contradictingProfiles(dev.get(0), prod.get(0));
		}
		if (!dev.isEmpty()) {
			return new ServerMode(Mode.DEV, Signal.PROFILE, "active profile '" + dev.get(0) + "'");
		}
		if (!prod.isEmpty()) {
			return new ServerMode(Mode.PROD, Signal.PROFILE, "active profile '" + prod.get(0) + "'");
		}
		return null;
	}

	private static String neitherDevNorProd(Set<String> profiles) {
		String names = "'" + String.join("', '", profiles) + "'";
		return (profiles.size() == 1) ? "active profile " + names + " is neither dev nor prod; "
				: "active profiles " + names + " are neither dev nor prod; ";
	}

	private String sourceOf(Environment environment) {
		if (environment instanceof ConfigurableEnvironment configurable) {
			for (PropertySource<?> source : configurable.getPropertySources()) {
				if (!"configurationProperties".equals(source.getName())
						&& source.containsProperty(ServerProfilesProperties.MODE)) {
					return source.getName();
				}
			}
		}
		return "the environment";
	}

	/**
	 * Whether the profile for the given mode, or one of its synonyms, is active.
	 * @param environment the environment
	 * @param mode the mode
	 * @return whether a profile of that mode is active
	 */
	static boolean isModeProfileActive(Environment environment, Mode mode) {
		Set<String> names = (mode == Mode.DEV) ? DEV_PROFILES : PROD_PROFILES;
		return activeProfiles(environment).stream().anyMatch(names::contains);
	}

	/**
	 * Active profiles, including those only named by {@code spring.profiles.active}:
	 * before config data runs, Boot's environment does not report them yet.
	 * @param environment the environment
	 * @return the active profiles
	 */
	static Set<String> activeProfiles(Environment environment) {
		Set<String> profiles = new LinkedHashSet<>(Arrays.asList(environment.getActiveProfiles()));
		profiles.addAll(StringUtils.commaDelimitedListToSet(StringUtils
			.trimAllWhitespace(environment.getProperty(AbstractEnvironment.ACTIVE_PROFILES_PROPERTY_NAME, ""))));
		return profiles;
	}

}
