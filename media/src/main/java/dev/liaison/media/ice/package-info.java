/**
 * ICE-lite agent (RFC 8445 section 2.5): answers connectivity checks with the local short-term credentials, always
 * in the controlled role, takes the nominated pair from USE-CANDIDATE, and ends the session when consent (RFC 7675)
 * is not refreshed in time.
 */
package dev.liaison.media.ice;
