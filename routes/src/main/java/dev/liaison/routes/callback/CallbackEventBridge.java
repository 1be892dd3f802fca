package dev.liaison.routes.callback;

import dev.liaison.gateway.camel.GatewayConstants;
import dev.liaison.palettes.callback.CallbackDialing;
import dev.liaison.palettes.routing.AcdEvent;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands committed callback facts to the callback routes: an accepted attempt is to be dialed; a task that ended (the
 * agent ended it, or the callback was canceled) hangs up its call if one is still up.
 */
@Component
class CallbackEventBridge {

    private static final Logger log = LoggerFactory.getLogger(CallbackEventBridge.class);

    private final ProducerTemplate producer;
    private final CallbackCalls calls;

    CallbackEventBridge(ProducerTemplate producer, CallbackCalls calls) {
        this.producer = producer;
        this.calls = calls;
    }

    @TransactionalEventListener
    void dialing(CallbackDialing dialing) {
        producer.sendBody(CallbackConstants.DIALING_ENDPOINT, new DialAttempt(dialing, false));
    }

    @TransactionalEventListener
    void taskEnded(AcdEvent.TaskEnded ended) {
        calls.byTask(ended.taskId())
                .filter(call -> call.state() != CallbackCallState.ENDED)
                .ifPresent(call -> {
                    call.release();
                    log.info(
                            "Callback task {} ended ({}): hanging up call {}",
                            ended.taskId(),
                            ended.status(),
                            call.callId);
                    producer.sendBodyAndHeader(
                            CallbackConstants.HANGUP_ENDPOINT, null, GatewayConstants.CALL_ID, call.callId);
                });
    }
}
