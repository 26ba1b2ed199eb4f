/**
 * IP address literals and CIDR ranges, read one way for the Host allow-list, the trusted
 * proxies and the deploy bundle.
 */
@NullMarked
package io.serverprofiles.autoconfigure.net;

import org.jspecify.annotations.NullMarked;
