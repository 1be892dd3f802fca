package dev.liaison.gateway.sip;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ReferToHeader;

/**
 * What a REFER asks for (RFC 3515): the Refer-To URI without its headers, and the decoded {@code Replaces} header
 * (RFC 3891) of an attended transfer.
 *
 * @param target the Refer-To URI as a string, its {@code ?headers} removed
 * @param replaces the call to replace ({@code call-id;to-tag=...;from-tag=...}), for an attended transfer
 */
record ReferTarget(String target, Optional<String> replaces) {

    static ReferTarget of(ReferToHeader referTo) {
        URI uri = (URI) referTo.getAddress().getURI().clone();
        Optional<String> replaces = Optional.empty();
        if (uri instanceof SipURI sipUri) {
            String header = sipUri.getHeader("Replaces");
            if (header != null) {
                replaces = Optional.of(URLDecoder.decode(header, StandardCharsets.UTF_8));
            }
            if (sipUri instanceof gov.nist.javax.sip.address.SipUri nistUri) {
                nistUri.removeHeaders();
            }
        }
        return new ReferTarget(uri.toString(), replaces);
    }
}
