/**
 * The UCCE session above the link: event translation into {@code cti-api} events, call and agent tracking with
 * duplicate suppression, correlation, resync after reconnect, and operations.
 */
package dev.liaison.cti.ucce.session;
