package dev.liaison.routes.acd;

/** Internal endpoints and names of the ACD call and chat routes. */
final class AcdConstants {

    /** Committed ACD facts about tracked calls (assignments, ended conversations and tasks), in order. */
    static final String TASK_EVENTS_ENDPOINT = "seda:acd-call-task-events?size=10000";

    /** Client sessions' chat messages on their way to the ACD (off the WebSocket thread). */
    static final String CHAT_ENDPOINT = "seda:acd-chat?size=10000";

    /** Exchange property: the {@link AcdCall} a command is about. */
    static final String CALL = "LiaisonAcdCall";

    /** The actor name the routes write to timelines and task actions. */
    static final String ACTOR = "system:acd-calls";

    private AcdConstants() {}
}
