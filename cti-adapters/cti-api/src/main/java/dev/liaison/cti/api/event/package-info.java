/** Normalized CTI events: agent state, call lifecycle, queueing, call data. Immutable records, one sealed hierarchy. */
package dev.liaison.cti.api.event;
