/**
 * What both servers' request paths share: the order of server-profiles' servlet filters
 * and the paths probes use.
 */
package io.serverprofiles.autoconfigure.web;
