/**
 * Limits of the prod server and its answers to bad input: a short JSON 4xx for oversized
 * headers and bodies, malformed requests, unknown methods and TRACE, on Tomcat and Jetty.
 */
@NullMarked
package io.serverprofiles.autoconfigure.limits;

import org.jspecify.annotations.NullMarked;
