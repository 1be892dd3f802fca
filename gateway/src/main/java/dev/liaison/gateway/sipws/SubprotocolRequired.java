package dev.liaison.gateway.sipws;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses (400) a handshake on {@code /ws/sip} that does not offer the {@code sip} subprotocol (RFC 7118 section 4):
 * without it the client is not speaking SIP.
 */
final class SubprotocolRequired implements HandshakeInterceptor {

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        List<String> offered = request.getHeaders().getOrEmpty("Sec-WebSocket-Protocol");
        boolean sip = offered.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(p -> p.trim().equalsIgnoreCase(SipWsHandler.SUBPROTOCOL));
        if (!sip) {
            response.setStatusCode(HttpStatus.BAD_REQUEST);
        }
        return sip;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {}
}
