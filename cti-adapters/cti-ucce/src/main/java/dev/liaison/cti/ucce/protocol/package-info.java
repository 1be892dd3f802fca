/**
 * The CTI Server (GED-188) wire protocol: framing ({@link dev.liaison.cti.ucce.protocol.FrameCodec}), the spec's field
 * encodings ({@link dev.liaison.cti.ucce.protocol.MessageWriter}, {@link dev.liaison.cti.ucce.protocol.MessageReader},
 * {@link dev.liaison.cti.ucce.protocol.FloatingFields}) and the message layouts this adapter speaks. Shared by the
 * adapter and the test simulator so that both sides follow one table.
 */
package dev.liaison.cti.ucce.protocol;
