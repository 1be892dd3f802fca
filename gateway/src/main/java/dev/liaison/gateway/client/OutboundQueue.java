package dev.liaison.gateway.client;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The frames waiting to be written to one WebSocket, at most {@code limit}. Callers never block: a frame is queued and
 * one task at a time on the shared writer executor drains the queue. A client that reads slower than it is written to
 * fills the queue and is disconnected (close 1008), so memory stays bounded whatever the client does.
 */
public final class OutboundQueue {

    private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);
    /** Close status for a client that does not read its messages. */
    static final CloseStatus SLOW_CLIENT = CloseStatus.POLICY_VIOLATION.withReason("outbound queue full");

    private final WebSocketSession socket;
    private final Executor writer;
    private final int limit;
    private final ArrayDeque<String> frames = new ArrayDeque<>();
    private CloseStatus closeAfterFlush;
    private boolean draining;
    private boolean closed;

    public OutboundQueue(WebSocketSession socket, Executor writer, int limit) {
        this.socket = socket;
        this.writer = writer;
        this.limit = limit;
    }

    /** Queue a frame; false (and the socket is being closed) when the client is too slow or the queue is closed. */
    public boolean offer(String frame) {
        synchronized (this) {
            if (closed || closeAfterFlush != null) {
                return false;
            }
            if (frames.size() >= limit) {
                log.warn("WebSocket {}: {} frames unread, disconnecting the slow client", socket.getId(), limit);
                frames.clear();
                closeAfterFlush = SLOW_CLIENT;
            } else {
                frames.addLast(frame);
            }
            if (draining) {
                return closeAfterFlush == null;
            }
            draining = true;
        }
        return startDrain();
    }

    /** Close the socket with {@code status} once the frames queued so far are written. */
    public void closeAfterFlush(CloseStatus status) {
        synchronized (this) {
            if (closed || closeAfterFlush != null) {
                return;
            }
            closeAfterFlush = status;
            if (draining) {
                return;
            }
            draining = true;
        }
        startDrain();
    }

    private boolean startDrain() {
        try {
            writer.execute(this::drain);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            synchronized (this) {
                closed = true;
                frames.clear();
                draining = false;
            }
            return false;
        }
    }

    /** The socket is closed: drop what is queued. */
    public synchronized void closed() {
        closed = true;
        frames.clear();
    }

    synchronized int size() {
        return frames.size();
    }

    private void drain() {
        while (true) {
            String frame;
            CloseStatus close = null;
            synchronized (this) {
                frame = frames.pollFirst();
                if (frame == null) {
                    close = closeAfterFlush;
                    if (close == null || closed) {
                        draining = false;
                        return;
                    }
                    closed = true;
                }
            }
            try {
                if (frame != null) {
                    socket.sendMessage(new TextMessage(frame));
                } else {
                    socket.close(close);
                    synchronized (this) {
                        draining = false;
                    }
                    return;
                }
            } catch (IOException | RuntimeException e) {
                log.debug("WebSocket {}: write failed, closing", socket.getId(), e);
                synchronized (this) {
                    closed = true;
                    frames.clear();
                    draining = false;
                }
                closeQuietly();
                return;
            }
        }
    }

    private void closeQuietly() {
        try {
            socket.close(CloseStatus.SERVER_ERROR);
        } catch (IOException | RuntimeException e) {
            log.trace("WebSocket {}: close failed", socket.getId(), e);
        }
    }
}
