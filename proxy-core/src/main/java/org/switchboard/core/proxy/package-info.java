/**
 * The transaction user of the server: the request chain of small processors that validate,
 * answer locally or route each request, and (later) the forking proxy. Runs on the request's shard.
 */
package org.switchboard.core.proxy;
