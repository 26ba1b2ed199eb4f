/**
 * Production-readiness checks: what is unsafe in the effective prod configuration and the
 * property or dependency that fixes it, at startup, as a CLI exit code and on an
 * endpoint.
 */
@NullMarked
package io.serverprofiles.autoconfigure.checks;

import org.jspecify.annotations.NullMarked;
