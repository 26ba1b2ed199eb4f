/**
 * Host allow-list of the prod server: requests for a host it does not serve get a 400.
 */
package io.serverprofiles.autoconfigure.hosts;
