/**
 * Host checks: the prod server's allow-list (other hosts get a 400) and the dev server's
 * loopback-only answer to DNS rebinding (other hosts get a 403).
 */
@NullMarked
package io.serverprofiles.autoconfigure.hosts;

import org.jspecify.annotations.NullMarked;
