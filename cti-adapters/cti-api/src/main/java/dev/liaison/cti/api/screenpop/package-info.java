/**
 * Mapping of Liaison context keys to vendor screen-pop fields (UCCE call variables and ECC variables, Genesys
 * participant attributes, CSTA private data) with per-vendor size limits enforced and every violation reported.
 */
package dev.liaison.cti.api.screenpop;
