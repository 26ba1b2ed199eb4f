package io.serverprofiles.autoconfigure.hosts;

/**
 * An entry of an allowed-hosts property ({@code server-profiles.prod.allowed-hosts},
 * {@code server-profiles.dev.allowed-hosts}) that is not a host name, a domain with a
 * leading dot or an IP address.
 */
public class InvalidAllowedHostException extends IllegalArgumentException {

	private final String property;

	private final String entry;

	private final String problem;

	InvalidAllowedHostException(String property, String entry, String problem) {
		super("Invalid entry '" + entry + "' in " + property + ": " + problem);
		this.property = property;
		this.entry = entry;
		this.problem = problem;
	}

	/**
	 * The property the entry was configured in.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * The entry as configured.
	 * @return the entry
	 */
	public String getEntry() {
		return this.entry;
	}

	/**
	 * What is wrong with it and how to write it instead.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

}
