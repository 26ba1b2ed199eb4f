/**
 * Test support for an application on the server-profiles starter: its packaged jar and
 * its own deploy bundle, nginx in front of it (a binary or a container) configured by the
 * same bundle, raw HTTP and throwaway certificates.
 */
@NullMarked
package io.serverprofiles.test;

import org.jspecify.annotations.NullMarked;
