package dev.liaison.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

class OutboundQueueTest {

    /** Runs the writer's tasks only when the test says so: the "client" reads nothing until then. */
    private final Queue<Runnable> writerTasks = new ArrayDeque<>();

    private final Executor writer = writerTasks::add;
    private final WebSocketSession socket = mock(WebSocketSession.class);

    @Test
    void framesAreWrittenInOrderThenTheSocketClosesAfterFlush() throws Exception {
        when(socket.getId()).thenReturn("ws-1");
        OutboundQueue queue = new OutboundQueue(socket, writer, 8);

        queue.offer("one");
        queue.offer("two");
        queue.closeAfterFlush(CloseStatus.NORMAL);
        assertThat(queue.offer("after-close")).isFalse();
        runWriter();

        InOrder order = inOrder(socket);
        order.verify(socket).sendMessage(new TextMessage("one"));
        order.verify(socket).sendMessage(new TextMessage("two"));
        order.verify(socket).close(CloseStatus.NORMAL);
        assertThat(writerTasks).isEmpty();
    }

    @Test
    void aClientThatReadsSlowerThanTheQueueLimitIsDisconnectedNotBuffered() throws Exception {
        when(socket.getId()).thenReturn("ws-2");
        OutboundQueue queue = new OutboundQueue(socket, writer, 8);

        for (int i = 0; i < 8; i++) {
            assertThat(queue.offer("frame-" + i)).isTrue();
        }
        assertThat(queue.offer("one-too-many")).isFalse();
        assertThat(queue.size()).isZero();
        runWriter();

        verify(socket, never()).sendMessage(any());
        verify(socket).close(OutboundQueue.SLOW_CLIENT);
    }

    @Test
    void aFailedWriteClosesTheSocketAndDropsTheRest() throws Exception {
        when(socket.getId()).thenReturn("ws-3");
        org.mockito.Mockito.doThrow(new java.io.IOException("reset"))
                .when(socket)
                .sendMessage(new TextMessage("one"));
        OutboundQueue queue = new OutboundQueue(socket, writer, 8);

        queue.offer("one");
        queue.offer("two");
        runWriter();

        verify(socket, never()).sendMessage(new TextMessage("two"));
        verify(socket).close(CloseStatus.SERVER_ERROR);
        assertThat(queue.size()).isZero();
    }

    private void runWriter() {
        while (!writerTasks.isEmpty()) {
            writerTasks.poll().run();
        }
    }
}
