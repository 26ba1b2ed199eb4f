/**
 * What both servers' request paths share: the order of server-profiles' servlet filters
 * and the paths probes use.
 */
@NullMarked
package io.serverprofiles.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
