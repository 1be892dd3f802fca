package dev.liaison.gateway.sip;

import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ReferToHeader;

/**
 * What a REFER asks for (RFC 3515): the Refer-To URI without its headers, and the {@code Replaces} header (RFC 3891) of
 * an attended transfer, unescaped and checked ({@link ReplacedDialog#fromUriHeader}: a malformed one is a 400).
 *
 * @param target the Refer-To URI as a string, its {@code ?headers} removed
 * @param replaces the dialog the new INVITE is to replace at the target, for an attended transfer
 */
record ReferTarget(String target, Optional<ReplacedDialog> replaces) {

    static ReferTarget of(ReferToHeader referTo) {
        URI uri = (URI) referTo.getAddress().getURI().clone();
        Optional<ReplacedDialog> replaces = Optional.empty();
        if (uri instanceof SipURI sipUri) {
            Iterator<?> names = sipUri.getHeaderNames();
            while (names != null && names.hasNext()) {
                String name = String.valueOf(names.next());
                if (name.toLowerCase(Locale.ROOT).equals("replaces")) {
                    replaces = Optional.of(ReplacedDialog.fromUriHeader(sipUri.getHeader(name)));
                }
            }
            if (sipUri instanceof gov.nist.javax.sip.address.SipUri nistUri) {
                nistUri.removeHeaders();
            }
        }
        return new ReferTarget(uri.toString(), replaces);
    }
}
