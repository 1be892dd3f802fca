package dev.liaison.gateway.sip;

import java.util.Map;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one {@link javax.sip.SipListener} of the trunk. Requests go to a handler per method; responses, timeouts and
 * dialog ends go to the leg with the message's Call-ID. A handler's {@link SipStatusException} becomes the response
 * here and only here; any other failure becomes 500. The Call-ID is in the MDC ({@code sip.callId}) while a message
 * is handled.
 */
final class SipDispatcher implements gov.nist.javax.sip.SipListenerExt {

    private static final Logger LOG = LoggerFactory.getLogger(SipDispatcher.class);

    private final SipContext ctx;
    private final Map<String, RequestHandler> handlers;
    private final RequestHandler otherMethods = new MethodNotAllowedHandler();

    private final Optional<Registration> registration;

    SipDispatcher(SipContext ctx, Optional<Registration> registration) {
        this.ctx = ctx;
        this.registration = registration;
        this.handlers = Map.of(
                Request.INVITE, new InviteHandler(ctx),
                Request.ACK, new AckHandler(ctx),
                Request.BYE, new ByeHandler(ctx),
                Request.CANCEL, new CancelHandler(ctx),
                Request.OPTIONS, new OptionsHandler(ctx),
                Request.REFER, new ReferHandler(ctx),
                Request.PRACK, new PrackHandler(ctx),
                Request.UPDATE, new UpdateHandler(ctx));
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        withCallId(request, () -> {
            IncomingRequest incoming;
            try {
                if (Request.ACK.equals(request.getMethod())) {
                    incoming = new IncomingRequest(request, null);
                } else {
                    Optional<ServerTransaction> transaction =
                            ctx.serverTransaction(event.getServerTransaction(), request);
                    if (transaction.isEmpty()) {
                        LOG.debug("Retransmitted {} absorbed", request.getMethod());
                        return;
                    }
                    incoming = new IncomingRequest(request, transaction.get());
                }
            } catch (Exception e) {
                LOG.warn("No transaction for {}: {}", request.getMethod(), e.toString());
                return;
            }
            try {
                requireSip20(request);
                handlers.getOrDefault(request.getMethod(), otherMethods).handle(incoming);
            } catch (SipStatusException e) {
                LOG.info("{} refused with {}: {}", request.getMethod(), e.status(), e.getMessage());
                respond(incoming, e.status(), e.reasonPhrase(), e.headers());
            } catch (Exception e) {
                LOG.warn("{} failed", request.getMethod(), e);
                respond(incoming, Response.SERVER_INTERNAL_ERROR, Optional.empty(), Map.of());
            }
        });
    }

    /** The one place where a refused request gets its response. */
    private void respond(
            IncomingRequest incoming, int status, Optional<String> reasonPhrase, Map<String, String> extraHeaders) {
        if (incoming.transaction() == null) {
            return; // ACK
        }
        try {
            Response response = ctx.messages.createResponse(status, incoming.request());
            if (reasonPhrase.isPresent()) {
                response.setReasonPhrase(reasonPhrase.get());
            }
            javax.sip.header.ToHeader to =
                    (javax.sip.header.ToHeader) response.getHeader(javax.sip.header.ToHeader.NAME);
            if (to != null && to.getTag() == null) {
                to.setTag(Long.toHexString(System.nanoTime()));
            }
            for (Map.Entry<String, String> header : extraHeaders.entrySet()) {
                // List headers (Allow, Unsupported) go as one header per value: the factory parses singletons.
                for (String value : header.getValue().split(",")) {
                    response.addHeader(ctx.headers.createHeader(header.getKey(), value.trim()));
                }
            }
            incoming.transaction().sendResponse(response);
            ctx.metrics.response(status, true);
        } catch (Exception e) {
            LOG.warn("Could not send {} to {}: {}", status, incoming.method(), e.toString());
            // Nothing can be answered on this transaction: end it now rather than leave it for ever in the table.
            try {
                javax.sip.Dialog dialog = incoming.transaction().getDialog();
                incoming.transaction().terminate();
                if (dialog != null && !incoming.inDialog()) {
                    dialog.delete();
                }
            } catch (Exception terminateFailed) {
                LOG.debug("Could not terminate the transaction", terminateFailed);
            }
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        withCallId(response, () -> {
            CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
            Optional<SipLeg> leg = ctx.legs.find(callIdOf(response));
            if (cseq != null && Request.REGISTER.equals(cseq.getMethod()) && registration.isPresent()) {
                registration.get().onResponse(event.getClientTransaction(), response);
            } else if (cseq != null && Request.INVITE.equals(cseq.getMethod()) && leg.isPresent()) {
                leg.get().network().onInviteResponse(event.getClientTransaction(), response, event.getDialog());
            } else if (leg.isPresent()) {
                leg.get().network().onOtherResponse(event.getClientTransaction(), response);
            } else {
                ctx.metrics.response(response.getStatusCode(), false);
                LOG.debug("{} to {} (no action)", response.getStatusCode(), cseq == null ? "?" : cseq.getMethod());
            }
        });
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            ServerTransaction transaction = event.getServerTransaction();
            Request request = transaction.getRequest();
            withCallId(request, () -> {
                LOG.info("Server transaction timed out: {}", request.getMethod());
                if (Request.INVITE.equals(request.getMethod())) {
                    ctx.legs.find(callIdOf(request)).ifPresent(leg -> leg.network()
                            .onDialogGone("no ACK"));
                }
            });
        } else {
            ClientTransaction transaction = event.getClientTransaction();
            Request request = transaction.getRequest();
            withCallId(request, () -> {
                LOG.info("Client transaction timed out: {}", request.getMethod());
                if (Request.REGISTER.equals(request.getMethod())) {
                    registration.ifPresent(r -> r.onTimeout(transaction));
                    return;
                }
                ctx.legs.find(callIdOf(request)).ifPresent(leg -> leg.network().onTimeout(transaction));
            });
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.info("SIP transport error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Nothing to do: legs track their own transactions.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        String callId = event.getDialog().getCallId().getCallId();
        ctx.legs.find(callId).ifPresent(leg -> leg.network().onDialogTerminated(event.getDialog()));
    }

    @Override
    public void processDialogTimeout(gov.nist.javax.sip.DialogTimeoutEvent event) {
        String callId = event.getDialog().getCallId().getCallId();
        LOG.info("Dialog {} timed out: {}", callId, event.getReason());
        ctx.legs.find(callId).ifPresent(leg -> leg.network().onDialogGone("dialog timeout " + event.getReason()));
        event.getDialog().delete();
    }

    /** RFC 3261 8.2.1 / RFC 4475 3.1.2.16: a request of another SIP version gets 505. */
    private static void requireSip20(Request request) {
        if (request instanceof gov.nist.javax.sip.message.SIPRequest sipRequest
                && sipRequest.getRequestLine() != null
                && !"SIP/2.0".equalsIgnoreCase(sipRequest.getRequestLine().getSipVersion())) {
            throw new SipStatusException(Response.VERSION_NOT_SUPPORTED, "only SIP/2.0");
        }
    }

    private static String callIdOf(javax.sip.message.Message message) {
        CallIdHeader header = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return header == null ? null : header.getCallId();
    }

    private static void withCallId(javax.sip.message.Message message, Runnable work) {
        String callId = callIdOf(message);
        if (callId != null) {
            MDC.put(SipLeg.MDC_CALL_ID, callId);
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Unexpected failure handling a SIP message", e);
        } finally {
            MDC.remove(SipLeg.MDC_CALL_ID);
        }
    }
}
