/**
 * X-Forwarded-* and Forwarded honoured only from trusted proxies, the same on Tomcat and
 * Jetty.
 */
package io.serverprofiles.autoconfigure.proxy;
