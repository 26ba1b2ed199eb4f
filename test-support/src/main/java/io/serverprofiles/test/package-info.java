/**
 * Testcontainers for an application on the server-profiles starter: its image built from
 * its own deploy bundle, and nginx in front of it, configured by the same bundle.
 */
@NullMarked
package io.serverprofiles.test;

import org.jspecify.annotations.NullMarked;
