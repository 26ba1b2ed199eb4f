/**
 * Choosing between the dev and prod server, activating its profile and adding its
 * defaults.
 */
@NullMarked
package io.serverprofiles.autoconfigure.mode;

import org.jspecify.annotations.NullMarked;
