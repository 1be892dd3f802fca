package dev.liaison.gateway.sipws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP user agent reduced to raw text over {@code java.net.http.WebSocket} with the {@code sip} subprotocol: the test
 * writes each message and reads what the server sends, one frame at a time.
 */
final class SipWsTestClient implements AutoCloseable {

    static final String REALM = "test.invalid";

    final String callId = UUID.randomUUID().toString();
    final String fromTag = UUID.randomUUID().toString().substring(0, 8);
    final String contact = "sip:" + UUID.randomUUID().toString().substring(0, 8) + "@df7jal23ls0d.invalid;transport=ws";
    private final WebSocket socket;
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private int cseq;

    private SipWsTestClient(WebSocket.Builder builder, int port) {
        this.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/sip"), new Listener())
                .join();
    }

    static SipWsTestClient connect(int port) {
        return new SipWsTestClient(
                HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("sip"), port);
    }

    static CompletableFuture<WebSocket> connectWithoutSubprotocol(int port) {
        return HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/sip"), new WebSocket.Listener() {});
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(String message) {
        socket.sendText(message, true).join();
    }

    /** The next frame, within 10 s. */
    String next() {
        try {
            String frame = frames.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a SIP message from the server").isNotNull();
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Skips frames until a response with {@code status}; fails on another final response. */
    String response(int status) {
        while (true) {
            String frame = next();
            int got = Integer.parseInt(frame.substring(8, 11));
            if (got == status) {
                return frame;
            }
            assertThat(got)
                    .as("response while waiting for %d:%n%s", status, frame)
                    .isLessThan(200);
        }
    }

    /** A REGISTER for {@code user} with {@code expires} and optional Authorization header line. */
    String register(String user, int expires, String authorization) {
        cseq++;
        return "REGISTER sip:" + REALM + " SIP/2.0\r\n"
                + "Via: SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bK"
                + UUID.randomUUID().toString().substring(0, 8)
                + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: <sip:" + user + "@" + REALM + ">\r\n"
                + "From: <sip:" + user + "@" + REALM + ">;tag=" + fromTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <" + contact + ">;expires=" + expires + "\r\n"
                + (authorization == null ? "" : authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    /** Registers {@code user} with {@code password}: the challenge, then the answer. Returns the 200. */
    String registerWith(String user, String password, int expires) {
        send(register(user, expires, null));
        String challenge = response(401);
        send(register(
                user,
                expires,
                authorization(
                        "Authorization", challenge, "WWW-Authenticate", user, password, "REGISTER", "sip:" + REALM)));
        return next();
    }

    /** The digest answer to the challenge in {@code challengeResponse}. */
    static String authorization(
            String header,
            String challengeResponse,
            String challengeHeader,
            String user,
            String password,
            String method,
            String uri) {
        String challenge = header(challengeResponse, challengeHeader);
        String nonce = param(challenge, "nonce");
        String cnonce = "0a4f113b";
        String ha1 = DigestAuthenticator.ha1(user, REALM, password);
        String ha2 = DigestAuthenticator.md5(method + ":" + uri);
        String response = DigestAuthenticator.md5(ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2);
        return header + ": Digest username=\"" + user + "\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", uri=\""
                + uri + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, cnonce=\"" + cnonce
                + "\", nc=00000001";
    }

    static String header(String message, String name) {
        Matcher m =
                Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*)$").matcher(message);
        assertThat(m.find()).as("%s in%n%s", name, message).isTrue();
        return m.group(1).trim();
    }

    static String param(String value, String name) {
        Matcher m = Pattern.compile(name + "=\"?([^\",;]+)\"?").matcher(value);
        assertThat(m.find()).as("%s in %s", name, value).isTrue();
        return m.group(1);
    }

    /** A response to {@code request} (its Via, From, To, Call-ID and CSeq), adding {@code toTag} and an SDP body. */
    static String responseTo(String request, String statusLine, String toTag, String sdp) {
        StringBuilder out = new StringBuilder("SIP/2.0 ").append(statusLine).append("\r\n");
        for (String name : new String[] {"Via", "From", "To", "Call-ID", "CSeq"}) {
            String value = header(request, name);
            if (name.equals("To") && toTag != null && !value.contains("tag=")) {
                value += ";tag=" + toTag;
            }
            out.append(name).append(": ").append(value).append("\r\n");
        }
        out.append("Contact: <sip:client@df7jal23ls0d.invalid;transport=ws>\r\n");
        if (sdp == null) {
            return out.append("Content-Length: 0\r\n\r\n").toString();
        }
        return out.append("Content-Type: application/sdp\r\nContent-Length: ")
                .append(sdp.length())
                .append("\r\n\r\n")
                .append(sdp)
                .toString();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                    .exceptionally(e -> null)
                    .join();
        }
        closed.completeOnTimeout(-1, 10, TimeUnit.SECONDS).join();
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-2);
        }
    }

    static Duration wait10() {
        return Duration.ofSeconds(10);
    }
}
