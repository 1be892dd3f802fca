/**
 * SDP (RFC 8866) model, parser and writer with the WebRTC attributes as typed accessors, tolerant of unknown lines
 * (kept and written back), bounded in size and lines; and RFC 3264 codec negotiation that prefers a codec both sides
 * have, so the broker relays without transcoding whenever it can.
 */
package dev.liaison.media.sdp;
