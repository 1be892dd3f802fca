/**
 * The CTI Server client link: sides A/B, session open, heartbeats, InvokeID correlation, reconnect with backoff, and
 * its Micrometer meters.
 */
package dev.liaison.cti.ucce.link;
