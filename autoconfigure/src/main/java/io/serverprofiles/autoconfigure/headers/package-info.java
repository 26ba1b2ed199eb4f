/**
 * Security headers of the prod server: HSTS, CSP and the browser protections that go with
 * them, added to every response that does not set its own.
 */
package io.serverprofiles.autoconfigure.headers;
