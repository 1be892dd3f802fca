/**
 * STUN message codec (RFC 8489, RFC 5389): header with magic cookie and transaction id, the attributes ICE needs
 * (USERNAME, MESSAGE-INTEGRITY, FINGERPRINT, XOR-MAPPED-ADDRESS, PRIORITY, USE-CANDIDATE, ICE-CONTROLLING,
 * ICE-CONTROLLED, ERROR-CODE), strict bounds checks, and a typed {@link dev.liaison.media.stun.StunDecodeException}
 * for every malformed input.
 */
package dev.liaison.media.stun;
