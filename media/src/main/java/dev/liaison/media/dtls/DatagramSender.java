package dev.liaison.media.dtls;

import java.io.IOException;

/** Where a DTLS endpoint sends its records: the UDP socket (or mux) of its media path. */
@FunctionalInterface
public interface DatagramSender {
    void send(byte[] data, int offset, int length) throws IOException;
}
