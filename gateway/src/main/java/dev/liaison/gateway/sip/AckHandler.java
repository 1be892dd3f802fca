package dev.liaison.gateway.sip;

/** ACK to a 2xx: completes an inbound answer (and carries the late-offer answer). ACK is never answered. */
final class AckHandler implements RequestHandler {

    private final SipContext ctx;

    AckHandler(SipContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void handle(IncomingRequest incoming) {
        ctx.legs.find(incoming.callId()).ifPresent(leg -> leg.network().onAck(incoming.request()));
    }
}
