/**
 * The deploy bundle (nginx, Docker, compose, Kubernetes, systemd) rendered from the
 * application's own effective settings by {@code --server-profiles.deploy.export=DIR}.
 */
package io.serverprofiles.autoconfigure.deploy;
