/**
 * Choosing between the dev and prod server, activating its profile and adding its
 * defaults.
 */
package io.serverprofiles.autoconfigure.mode;
