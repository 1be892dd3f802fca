package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.CallRequests;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

/**
 * What a running SIP trunk offers its handlers and legs: the provider, the message factories, the configuration, the
 * leg registry, a scheduler for timeouts and the clock. Built by {@link SipStackHost} at start; no statics.
 */
final class SipContext {

    /** Methods this endpoint handles; sent in {@code Allow}. */
    static final List<String> ALLOWED_METHODS =
            List.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REFER", "PRACK", "UPDATE");

    /**
     * Option tags this endpoint supports (RFC 3262 reliable provisionals, RFC 4028 session timers, RFC 3891 an INVITE
     * replacing one of our answered dialogs).
     */
    static final List<String> SUPPORTED = List.of("100rel", "timer", "replaces");

    final SipStackImpl stack;
    final SipProvider provider;
    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;
    final SipProperties properties;
    final TrunkPeers peers;
    final LegRegistry legs;
    final ScheduledExecutorService scheduler;
    final Clock clock;
    final SipMetrics metrics;
    final Supplier<Optional<CallRequests>> callRequests;
    final Optional<AuthenticationHelper> authentication;
    final SipTimers timers;
    final String advertisedHost;
    final int port;
    final int tlsPort;

    SipContext(
            SipStackImpl stack,
            SipProvider provider,
            MessageFactory messages,
            HeaderFactory headers,
            AddressFactory addresses,
            SipProperties properties,
            LegRegistry legs,
            ScheduledExecutorService scheduler,
            Clock clock,
            SipMetrics metrics,
            Supplier<Optional<CallRequests>> callRequests,
            Optional<AuthenticationHelper> authentication,
            SipTimers timers,
            String advertisedHost,
            int port,
            int tlsPort) {
        this.stack = stack;
        this.provider = provider;
        this.messages = messages;
        this.headers = headers;
        this.addresses = addresses;
        this.properties = properties;
        this.peers = TrunkPeers.parse(properties.trunkPeers());
        this.legs = legs;
        this.scheduler = scheduler;
        this.clock = clock;
        this.metrics = metrics;
        this.callRequests = callRequests;
        this.authentication = authentication;
        this.timers = timers;
        this.advertisedHost = advertisedHost;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** Our port for {@code transport}: the TLS port for TLS, else the UDP/TCP port. */
    int portFor(String transport) {
        return "tls".equalsIgnoreCase(transport) ? tlsPort : port;
    }

    /** Our Contact for a dialog on {@code transport}. */
    ContactHeader contact(String transport) throws ParseException {
        SipURI uri = addresses.createSipURI("liaison", advertisedHost);
        uri.setPort(portFor(transport));
        if (!"udp".equalsIgnoreCase(transport)) {
            uri.setTransportParam(transport.toLowerCase(java.util.Locale.ROOT));
        }
        Address address = addresses.createAddress(uri);
        return headers.createContactHeader(address);
    }

    /**
     * The server transaction of a request: the stack's, or a new one. Empty for a retransmission that already has one
     * (the stack answers it from the transaction).
     */
    Optional<ServerTransaction> serverTransaction(ServerTransaction existing, Request request) throws SipException {
        if (existing != null) {
            return Optional.of(existing);
        }
        try {
            ServerTransaction created = provider.getNewServerTransaction(request);
            tune(created);
            return Optional.of(created);
        } catch (TransactionAlreadyExistsException e) {
            return Optional.empty();
        } catch (TransactionUnavailableException e) {
            throw new SipException("no server transaction for " + request.getMethod(), e);
        }
    }

    /** A new client transaction for {@code request} with this trunk's timer T1. */
    ClientTransaction clientTransaction(Request request) throws SipException {
        ClientTransaction transaction = provider.getNewClientTransaction(request);
        tune(transaction);
        return transaction;
    }

    void tune(javax.sip.Transaction transaction) {
        try {
            transaction.setRetransmitTimer((int) properties.timerT1().toMillis());
        } catch (IllegalStateException e) {
            // The stack already started this transaction's timers (it created it itself): keep its defaults.
        }
    }
}
