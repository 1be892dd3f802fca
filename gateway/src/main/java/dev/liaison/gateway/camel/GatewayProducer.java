package dev.liaison.gateway.camel;

import dev.liaison.gateway.call.B2bua;
import dev.liaison.gateway.call.CallRequest;
import dev.liaison.gateway.call.EndReason;
import dev.liaison.gateway.call.LegKind;
import dev.liaison.gateway.call.MediaMode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Carries out a call command named by the {@code LiaisonGatewayCommand} header (or the endpoint's {@code command}
 * option) on the call named by {@code LiaisonGatewayCallId}. A command on an unknown call fails the exchange with
 * {@link dev.liaison.gateway.call.CallNotFoundException}; a SIP target outside the allow-list with
 * {@link dev.liaison.gateway.call.TargetNotAllowedException}.
 */
public class GatewayProducer extends DefaultProducer {

    GatewayProducer(GatewayEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public GatewayEndpoint getEndpoint() {
        return (GatewayEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        String commandName =
                in.getHeader(GatewayConstants.COMMAND, getEndpoint().getCommand(), String.class);
        if (commandName == null) {
            throw new IllegalArgumentException(
                    "No command: set the LiaisonGatewayCommand header or the command option");
        }
        GatewayCommand command = GatewayCommand.parse(commandName);
        B2bua b2bua = getEndpoint().getComponent().getB2bua();
        if (command == GatewayCommand.ORIGINATE) {
            originate(b2bua, in);
            return;
        }
        String callId = in.getHeader(GatewayConstants.CALL_ID, String.class);
        if (callId == null) {
            throw new IllegalArgumentException("No call: set the LiaisonGatewayCallId header");
        }
        switch (command) {
            case CONNECT -> {
                String target = in.getHeader(GatewayConstants.TARGET, String.class);
                if (target == null) {
                    throw new IllegalArgumentException("connect needs the LiaisonGatewayTarget header");
                }
                LegKind kind = in.getHeader(GatewayConstants.TARGET_KIND, LegKind.class);
                b2bua.connect(callId, kind != null ? kind : kindOf(target), target);
            }
            case RING -> b2bua.ring(callId);
            case REJECT -> b2bua.reject(callId, reason(in, EndReason.DECLINED));
            case HANGUP -> b2bua.hangUp(callId, reason(in, EndReason.NORMAL));
            case TRANSFER -> {
                String target = in.getHeader(GatewayConstants.TARGET, String.class);
                if (target == null) {
                    throw new IllegalArgumentException("transfer needs the LiaisonGatewayTarget header");
                }
                LegKind kind = in.getHeader(GatewayConstants.TARGET_KIND, LegKind.class);
                b2bua.transfer(callId, kind != null ? kind : kindOf(target), target);
            }
            case REFUSE_TRANSFER -> b2bua.refuseTransfer(callId, reason(in, EndReason.FORBIDDEN));
            case ORIGINATE -> throw new IllegalStateException("handled above");
        }
    }

    private static void originate(B2bua b2bua, Message in) {
        String target = in.getHeader(GatewayConstants.TARGET, String.class);
        if (target == null) {
            throw new IllegalArgumentException("originate needs the LiaisonGatewayTarget header");
        }
        LegKind kind = in.getHeader(GatewayConstants.TARGET_KIND, LegKind.class);
        String callId = in.getHeader(GatewayConstants.CALL_ID, String.class);
        if (callId == null) {
            callId = UUID.randomUUID().toString();
        }
        String destination = in.getHeader(GatewayConstants.DESTINATION, "originate", String.class);
        String from = in.getHeader(GatewayConstants.FROM, String.class);
        String correlationId = in.getHeader(GatewayConstants.CORRELATION_ID, String.class);
        CallRequest request = new CallRequest(
                destination,
                Optional.empty(),
                MediaMode.AUDIO,
                Optional.ofNullable(correlationId),
                from == null ? Map.of() : Map.of("from", from));
        b2bua.originate(callId, request, kind != null ? kind : kindOf(target), target);
        in.setHeader(GatewayConstants.CALL_ID, callId);
    }

    private static EndReason reason(Message in, EndReason fallback) {
        String code = in.getHeader(GatewayConstants.REASON, String.class);
        return code == null ? fallback : EndReasons.parse(code);
    }

    /** Targets {@code ws-sip:<user>} are users registered over SIP over WebSocket. */
    static final String WS_SIP_PREFIX = "ws-sip:";

    static LegKind kindOf(String target) {
        if (target.startsWith(WS_SIP_PREFIX)) {
            return LegKind.SIP_WS;
        }
        return target.startsWith("sip:") || target.startsWith("sips:") ? LegKind.SIP : LegKind.CLIENT;
    }
}
