package dev.liaison.media.codec;

/** Why a transcoder dropped an inbound packet. */
public enum TranscodeDrop {
    LATE_OR_DUPLICATE,
    UNDECODABLE,
    WRONG_PAYLOAD_TYPE
}
