/**
 * Serving settings files over HTTP: which file a path names, who may fetch it (tokens), and the
 * Jetty handler that answers phones under {@value org.switchboard.pnp.http.ProvisioningUrls#MOUNT}.
 */
package org.switchboard.pnp.http;
