/**
 * One access log line per request, with the real client address and a request id; JSON
 * fields in prod, a readable line in dev.
 */
@NullMarked
package io.serverprofiles.autoconfigure.accesslog;

import org.jspecify.annotations.NullMarked;
