package io.serverprofiles.autoconfigure.hosts;

/**
 * An entry of {@code server-profiles.prod.allowed-hosts} that is not a host name, a
 * domain with a leading dot or an IP address.
 */
public class InvalidAllowedHostException extends IllegalArgumentException {

	private final String entry;

	private final String problem;

	InvalidAllowedHostException(String entry, String problem) {
		super("Invalid entry '" + entry + "' in server-profiles.prod.allowed-hosts: " + problem);
		this.entry = entry;
		this.problem = problem;
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
