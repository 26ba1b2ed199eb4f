/**
 * The deploy bundle (nginx, Docker, compose, Kubernetes, systemd) rendered from the
 * application's own effective settings by {@code --server-profiles.deploy.export=DIR}.
 */
@NullMarked
package io.serverprofiles.autoconfigure.deploy;

import org.jspecify.annotations.NullMarked;
