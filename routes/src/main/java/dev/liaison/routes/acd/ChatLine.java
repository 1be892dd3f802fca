package dev.liaison.routes.acd;

import dev.liaison.gateway.client.ClientSessionInfo;
import java.util.Optional;

/** A chat message a client session sent, on its way from the WebSocket thread to {@link AcdChatRelay}. */
record ChatLine(ClientSessionInfo session, String text, Optional<String> callId) {}
