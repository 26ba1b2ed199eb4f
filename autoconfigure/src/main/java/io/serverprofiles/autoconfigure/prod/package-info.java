/**
 * The hardened production server: graceful shutdown, limits, timeouts and quiet errors.
 */
@NullMarked
package io.serverprofiles.autoconfigure.prod;

import org.jspecify.annotations.NullMarked;
