/**
 * The hardened production server: graceful shutdown, limits, timeouts and quiet errors.
 */
package io.serverprofiles.autoconfigure.prod;
