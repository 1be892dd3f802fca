/** Media broker: WebRTC media on one UDP port (ICE-lite, DTLS-SRTP) relayed to plain RTP legs, transcoding only where codecs differ. */
package dev.liaison.media;
