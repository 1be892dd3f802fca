package dev.liaison.cti.api.identity;

/**
 * How an external contact center names a call, per vendor: UCCE's {@link RouterCallKey}, Genesys Cloud's
 * {@link ConversationId}, an ECMA-323 {@link CstaConnectionId}. {@link #system()} says which family the ID belongs to so
 * that two systems' IDs never collide in one {@link CallIdentityMap}.
 */
public sealed interface VendorCallId permits RouterCallKey, ConversationId, CstaConnectionId, PeripheralCallId {

    /** The vendor family: {@code ucce}, {@code genesys-cloud}, {@code csta}. */
    String system();

    /** A stable printable form, e.g. for logs, headers and the contact timeline. */
    String text();
}
