/**
 * Writing what a client sent into a log line without letting it forge or break lines.
 */
@NullMarked
package io.serverprofiles.autoconfigure.log;

import org.jspecify.annotations.NullMarked;
