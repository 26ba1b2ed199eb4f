/**
 * The serverprofile actuator endpoint, the mode in /actuator/info and as a metric.
 */
package io.serverprofiles.autoconfigure.actuate;
