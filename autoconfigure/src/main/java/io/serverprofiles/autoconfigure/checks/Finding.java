package io.serverprofiles.autoconfigure.checks;

/**
 * What a check found: its id, how bad it is, what is wrong in one line, and the property
 * or dependency that fixes it.
 *
 * @param id stable check id, e.g. {@code SP-102}
 * @param severity how bad it is
 * @param finding what is wrong
 * @param fix what to change
 */
public record Finding(String id, Severity severity, String finding, String fix) {

}
