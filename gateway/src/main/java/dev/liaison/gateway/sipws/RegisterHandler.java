package dev.liaison.gateway.sipws;

import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.message.SIPRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;

/**
 * REGISTER (RFC 3261 section 10): digest authentication of the address of record's user, then the bindings on this
 * connection are added, refreshed, removed ({@code expires=0}, {@code Contact: *}) or listed.
 */
final class RegisterHandler {

    private static final Duration DEFAULT_EXPIRES = Duration.ofSeconds(600);

    private final SipWsProperties properties;
    private final DigestAuthenticator authenticator;
    private final Registrar registrar;
    private final Clock clock;

    RegisterHandler(SipWsProperties properties, DigestAuthenticator authenticator, Registrar registrar, Clock clock) {
        this.properties = properties;
        this.authenticator = authenticator;
        this.registrar = registrar;
        this.clock = clock;
    }

    /** Applies the REGISTER and returns the Contact lines of the 200 (the user's bindings after it). */
    List<String> handle(SipWsConnection connection, SIPRequest request) {
        String user = aorUser(request);
        DigestAuthenticator.Verdict verdict =
                authenticator.verify(credentials(request, "Authorization"), request.getMethod());
        switch (verdict.outcome()) {
            case MISSING -> throw challenge(false);
            case STALE -> throw challenge(true);
            case REFUSED -> throw new SipWsException(403, "Wrong credentials");
            case ACCEPTED -> {
                if (!verdict.username().equals(user)) {
                    throw new SipWsException(403, "Credentials are not for " + user);
                }
            }
        }
        connection.authenticated(user);
        String callId = request.getCallId().getCallId();
        List<Registrar.Change> changes = new ArrayList<>();
        boolean wildcard = false;
        for (Iterator<?> it = request.getHeaders("Contact"); it.hasNext(); ) {
            Contact contact = (Contact) it.next();
            if (contact.isWildCard()) {
                wildcard = true;
                continue;
            }
            changes.add(new Registrar.Change(contact.getAddress().getURI().toString(), expiresOf(request, contact)));
        }
        if (wildcard) {
            ExpiresHeader expires = request.getExpires();
            if (!changes.isEmpty() || expires == null || expires.getExpires() != 0) {
                throw new SipWsException(400, "Contact: * needs Expires: 0 and no other contact");
            }
            registrar.removeAll(user);
        }
        List<Registrar.Binding> bindings = wildcard ? List.of() : registrar.update(user, connection, callId, changes);
        List<String> headers = new ArrayList<>();
        var now = clock.instant();
        for (Registrar.Binding binding : bindings) {
            headers.add("Contact: <" + binding.contact() + ">;expires="
                    + Math.max(0, (binding.remaining(now).toMillis() + 999) / 1000));
        }
        return headers;
    }

    private Duration expiresOf(SIPRequest request, Contact contact) {
        int seconds = contact.getExpires();
        if (seconds < 0) {
            ExpiresHeader header = request.getExpires();
            seconds = header == null ? (int) DEFAULT_EXPIRES.toSeconds() : header.getExpires();
        }
        Duration expires = Duration.ofSeconds(seconds);
        if (expires.isZero()) {
            return expires;
        }
        if (expires.compareTo(properties.minExpires()) < 0) {
            throw new SipWsException(
                    423,
                    "Interval Too Brief",
                    List.of("Min-Expires: " + properties.minExpires().toSeconds()));
        }
        return expires.compareTo(properties.maxExpires()) > 0 ? properties.maxExpires() : expires;
    }

    private String aorUser(SIPRequest request) {
        if (!(request.getTo().getAddress().getURI() instanceof SipUri uri)
                || uri.getUser() == null
                || !properties.realm().equalsIgnoreCase(uri.getHost())) {
            throw new SipWsException(404, "Not Found: addresses of record are sip:<user>@" + properties.realm());
        }
        return uri.getUser();
    }

    private SipWsException challenge(boolean stale) {
        return new SipWsException(401, "Unauthorized", List.of("WWW-Authenticate: " + authenticator.challenge(stale)));
    }

    static List<AuthorizationHeader> credentials(SIPRequest request, String name) {
        List<AuthorizationHeader> list = new ArrayList<>();
        for (Iterator<?> it = request.getHeaders(name); it.hasNext(); ) {
            Header header = (Header) it.next();
            if (header instanceof AuthorizationHeader authorization) {
                list.add(authorization);
            }
        }
        return list;
    }

    static String newTag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Optional<String> userOf(javax.sip.address.URI uri) {
        return uri instanceof SipUri sip ? Optional.ofNullable(sip.getUser()) : Optional.empty();
    }
}
