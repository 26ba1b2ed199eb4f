/**
 * Zero-loss shutdown: readiness goes down and the server keeps serving for a drain delay,
 * then graceful shutdown lets in-flight requests finish.
 */
@NullMarked
package io.serverprofiles.autoconfigure.drain;

import org.jspecify.annotations.NullMarked;
