package dev.liaison.media.bridge;

import dev.liaison.media.sdp.Direction;
import dev.liaison.media.sdp.RtpMap;
import java.util.List;
import java.util.Optional;

/**
 * One media section of a pending offer: what the offerer wrote and what the broker offered the other side for it.
 *
 * @param index position of the section
 * @param media {@code audio}, {@code video}, {@code application}...
 * @param protocol the offerer's transport protocol
 * @param formats the offerer's formats (for a refused section)
 * @param mid the offerer's {@code a=mid}
 * @param accepted false when the broker offered the section with port 0
 * @param offererCodecs the offerer's codecs, its order and payload types
 * @param offered the codecs the broker offered the other side
 * @param direction the offerer's direction (a hold address counts as not receiving)
 * @param missing the offerer's re-offer left out this section negotiated before: refused toward the other side,
 *     left out of the answer
 */
record OfferedLine(
        int index,
        String media,
        String protocol,
        List<String> formats,
        Optional<String> mid,
        boolean accepted,
        List<RtpMap> offererCodecs,
        List<RtpMap> offered,
        Direction direction,
        boolean missing) {}
