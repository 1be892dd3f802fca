package dev.liaison.gateway.sip;

/**
 * Handles one SIP method. A handler either responds itself (or hands the request to a leg that does) or throws a
 * {@link SipStatusException}, which {@link SipDispatcher} turns into the response.
 */
@FunctionalInterface
interface RequestHandler {

    void handle(IncomingRequest incoming) throws Exception;
}
