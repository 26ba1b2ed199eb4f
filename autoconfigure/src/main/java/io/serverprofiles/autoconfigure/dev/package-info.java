/**
 * The reloading development server: loopback only, full error details, every endpoint
 * open.
 */
@NullMarked
package io.serverprofiles.autoconfigure.dev;

import org.jspecify.annotations.NullMarked;
