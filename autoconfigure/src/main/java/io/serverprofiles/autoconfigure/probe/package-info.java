/**
 * The self-probe: {@code --server-profiles.probe=URL} probes a running deployment from
 * outside against the application's own prod settings and prints a report; and the whoami
 * trace that tells the probe how a request was seen behind the proxies.
 */
@NullMarked
package io.serverprofiles.autoconfigure.probe;

import org.jspecify.annotations.NullMarked;
