/** Liaison's correlation ID, the vendors' call identities, and the bounded map between them. */
package dev.liaison.cti.api.identity;
