/**
 * X-Forwarded-* and Forwarded honoured only from trusted proxies, the same on Tomcat and
 * Jetty.
 */
@NullMarked
package io.serverprofiles.autoconfigure.proxy;

import org.jspecify.annotations.NullMarked;
