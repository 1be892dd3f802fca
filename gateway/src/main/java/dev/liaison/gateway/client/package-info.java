/**
 * The client signaling protocol: JSON over WebSocket at {@code /ws/client} for browsers and apps (see
 * {@code docs/protocol.md}). Sub-packages: {@code protocol/} (messages, codec, schemas, errors), {@code token/}
 * (signed consumer tokens and their allow-lists), {@code session/} (sessions, reattach, client call legs). This package
 * holds the WebSocket edge, the configuration and the interfaces other modules use ({@link
 * dev.liaison.gateway.client.ClientSessionListener}, {@link dev.liaison.gateway.client.ClientSessions}).
 */
package dev.liaison.gateway.client;
