/**
 * The reloading development server: loopback only, full error details, every endpoint
 * open.
 */
package io.serverprofiles.autoconfigure.dev;
