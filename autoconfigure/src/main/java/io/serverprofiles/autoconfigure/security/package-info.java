/**
 * Living beside Spring Security: the platform's probes stay open to anonymous requests.
 */
package io.serverprofiles.autoconfigure.security;
