/**
 * Security headers of the prod server: HSTS, CSP and the browser protections that go with
 * them, added to every response that does not set its own.
 */
@NullMarked
package io.serverprofiles.autoconfigure.headers;

import org.jspecify.annotations.NullMarked;
