/**
 * The serverprofile actuator endpoint, the mode in /actuator/info and as a metric.
 */
@NullMarked
package io.serverprofiles.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
