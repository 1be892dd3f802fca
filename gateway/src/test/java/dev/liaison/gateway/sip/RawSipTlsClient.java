package dev.liaison.gateway.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A SIP far end over TLS written on the JDK's {@link SSLSocket}: SIPp as packaged by Debian ({@code sip-tester}) is
 * built without OpenSSL, so it cannot do {@code -t l1}. It writes raw requests and reads whole messages (headers, then
 * a body of {@code Content-Length} bytes) from one connection.
 */
final class RawSipTlsClient implements AutoCloseable {

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;

    RawSipTlsClient(SSLContext context, int port) throws IOException {
        socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(15_000);
        socket.startHandshake();
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    int localPort() {
        return socket.getLocalPort();
    }

    String protocol() {
        return socket.getSession().getProtocol();
    }

    /** A Via header value for a new transaction from this client. */
    String via() {
        return "SIP/2.0/TLS 127.0.0.1:" + localPort() + ";rport;branch=z9hG4bK" + UUID.randomUUID();
    }

    void send(String message) throws IOException {
        out.write(message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads the next message; skips keep-alive CRLFs. */
    String read() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : 0;
        }
        String headers = head.toString(StandardCharsets.UTF_8);
        Matcher length =
                Pattern.compile("(?im)^(content-length|l)\\s*:\\s*(\\d+)").matcher(headers);
        int bodyLength = length.find() ? Integer.parseInt(length.group(2)) : 0;
        byte[] body = in.readNBytes(bodyLength);
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    /** Reads messages until one whose status line starts with {@code SIP/2.0 <status>}; returns it. */
    String readResponse(int status) throws IOException {
        for (int i = 0; i < 10; i++) {
            String message = read();
            if (message.startsWith("SIP/2.0 " + status)) {
                return message;
            }
            if (!message.startsWith("SIP/2.0 1")) {
                throw new IOException("expected " + status + ", got: " + message);
            }
        }
        throw new IOException("no " + status + " after 10 provisional responses");
    }

    /** The value of the first header {@code name} in {@code message}. */
    static String header(String message, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + "\\s*:\\s*(.*?)\\r?$")
                .matcher(message);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + name + " in " + message);
        }
        return m.group(1).trim();
    }

    static String toTag(String message) {
        Matcher m = Pattern.compile(";tag=([^;>\\s]+)").matcher(header(message, "To"));
        if (!m.find()) {
            throw new IllegalArgumentException("no To tag in " + message);
        }
        return m.group(1);
    }

    static String contactUri(String message) {
        String contact = header(message, "Contact");
        int start = contact.indexOf('<');
        return start < 0
                ? contact
                : contact.substring(start + 1, contact.indexOf('>')).toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
