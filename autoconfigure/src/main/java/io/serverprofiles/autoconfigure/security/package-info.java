/**
 * Living beside Spring Security: the platform's probes stay open to anonymous requests.
 */
@NullMarked
package io.serverprofiles.autoconfigure.security;

import org.jspecify.annotations.NullMarked;
