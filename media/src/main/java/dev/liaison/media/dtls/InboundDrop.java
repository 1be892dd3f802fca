package dev.liaison.media.dtls;

/** Why an inbound DTLS datagram was not handed to the handshake. */
public enum InboundDrop {
    QUEUE_FULL,
    OVERSIZE,
    CLOSED
}
