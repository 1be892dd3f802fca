/**
 * Bridges: one per call, two legs each, SDP rewritten so each side sees only the broker; media relayed as it is
 * when both sides share a codec, transcoded (Opus <-> G.711) when they do not.
 */
package dev.liaison.media.bridge;
