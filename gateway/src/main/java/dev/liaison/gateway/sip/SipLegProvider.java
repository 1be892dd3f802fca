package dev.liaison.gateway.sip;

import dev.liaison.gateway.call.CallLeg;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.LegProvider;
import java.text.ParseException;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound SIP legs towards the trunk. A target is a SIP URI ({@code sip:1234@pbx.example.net}) or a number, which is
 * sent to the outbound proxy. Without an outbound proxy only configured trunk peers can be called.
 */
public final class SipLegProvider implements LegProvider {

    private static final Logger LOG = LoggerFactory.getLogger(SipLegProvider.class);

    private final SipStackHost host;

    public SipLegProvider(SipStackHost host) {
        this.host = host;
    }

    @Override
    public LegKind kind() {
        return LegKind.SIP;
    }

    @Override
    public Optional<CallLeg> createOutbound(String target, String callId, CallRequest request) {
        return create(target, callId, Optional.empty());
    }

    @Override
    public boolean canReplaceDialogs() {
        return true;
    }

    /**
     * The INVITE carries {@code Replaces} (and {@code Require: replaces}, so that a target that cannot replace refuses
     * with 420 instead of ringing as a second call). A value that does not parse gives no leg.
     */
    @Override
    public Optional<CallLeg> createReplacing(String target, String callId, CallRequest request, String replaces) {
        ReplacedDialog replaced;
        try {
            replaced = ReplacedDialog.parse(replaces);
        } catch (SipStatusException e) {
            LOG.info("Call {}: Replaces '{}' refused: {}", callId, replaces, e.getMessage());
            return Optional.empty();
        }
        return create(target, callId, Optional.of(replaced));
    }

    private Optional<CallLeg> create(String target, String callId, Optional<ReplacedDialog> replaces) {
        Optional<SipContext> running = host.context();
        if (running.isEmpty()) {
            LOG.info("Call {}: SIP trunk not running, cannot call {}", callId, target);
            return Optional.empty();
        }
        SipContext ctx = running.get();
        Optional<SipURI> uri = resolve(ctx, target);
        if (uri.isEmpty()) {
            LOG.info("Call {}: target {} not reachable on the trunk", callId, target);
            return Optional.empty();
        }
        if (ctx.legs.size() >= ctx.properties.maxConcurrentCalls()) {
            LOG.warn("Call {}: {} SIP legs already, refusing another", callId, ctx.legs.size());
            ctx.metrics.rejected("max-concurrent-calls");
            return Optional.empty();
        }
        SipLeg leg = SipLeg.outbound(ctx, uri.get(), replaces);
        ctx.legs.add(leg);
        LOG.info(
                "Call {}: outbound leg {} to {} (SIP Call-ID {}){}",
                callId,
                leg.id(),
                uri.get(),
                leg.sipCallId(),
                replaces.map(r -> ", replacing " + r).orElse(""));
        return Optional.of(leg);
    }

    private static Optional<SipURI> resolve(SipContext ctx, String target) {
        boolean proxied = !ctx.properties.outboundProxy().isEmpty();
        try {
            SipURI uri;
            if (target.regionMatches(true, 0, "sip:", 0, 4)) {
                URI parsed = ctx.addresses.createURI(target);
                if (!(parsed instanceof SipURI sipUri)) {
                    return Optional.empty();
                }
                uri = sipUri;
            } else if (target.matches("\\+?[0-9*#]{1,32}") && proxied) {
                String proxyHost = ctx.properties.outboundProxy().replaceAll("[:/].*$", "");
                uri = ctx.addresses.createSipURI(target, proxyHost);
                uri.setUserParam("phone");
            } else {
                return Optional.empty();
            }
            if (!proxied && !ctx.peers.allowsHost(uri.getHost())) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
