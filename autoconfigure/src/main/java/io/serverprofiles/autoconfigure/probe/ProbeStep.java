package io.serverprofiles.autoconfigure.probe;

import java.util.List;

import io.serverprofiles.autoconfigure.checks.Finding;

/**
 * One part of the self-probe: a few requests to the deployment and the checks on their
 * answers, each with a stable id in the SP-2xx range.
 */
interface ProbeStep {

	/**
	 * The ids of the checks this step makes.
	 * @return the ids
	 */
	List<String> ids();

	/**
	 * Probe the deployment.
	 * @param target the deployment and what it should do
	 * @return what did not hold
	 */
	List<Finding> run(ProbeTarget target);

}
