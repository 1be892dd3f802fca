package dev.liaison.gateway.client.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns frames into {@link ClientMessage}s and {@link ServerMessage}s into frames. The envelope is flat: {@code v}
 * (protocol version), {@code type}, an optional client-chosen {@code id}, then the payload fields. Decoding checks, in
 * this order: JSON object ({@code bad-json}), version ({@code unsupported-version}), type ({@code unknown-type}), the
 * type's JSON Schema ({@code invalid-message}). Thread-safe.
 */
public final class ProtocolCodec {

    /** The protocol version this server speaks. */
    public static final int VERSION = 1;

    private static final Map<String, Class<?>> CLIENT_TYPES = ProtocolSchemas.typeNames(ClientMessage.class);
    private static final Map<Class<?>, String> SERVER_TYPES = invert(ProtocolSchemas.typeNames(ServerMessage.class));

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .build();
    private final ProtocolSchemas schemas;

    public ProtocolCodec(ProtocolSchemas schemas) {
        this.schemas = Objects.requireNonNull(schemas, "schemas");
    }

    /** The JSON tree of a frame; {@code bad-json} unless it is one JSON object. */
    public ObjectNode parse(String frame) {
        JsonNode node;
        try {
            node = mapper.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new ClientProtocolException(ClientErrorCode.BAD_JSON, "Not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ClientProtocolException(ClientErrorCode.BAD_JSON, "A message is a JSON object");
        }
        return object;
    }

    /** The client-chosen {@code id} of a parsed frame, when it has a usable one (echoed in replies and errors). */
    public static Optional<String> requestId(ObjectNode frame) {
        JsonNode id = frame.get("id");
        return id != null
                        && id.isTextual()
                        && !id.asText().isEmpty()
                        && id.asText().length() <= 64
                ? Optional.of(id.asText())
                : Optional.empty();
    }

    /** Checks a parsed frame's version, type and schema and binds it to its message record. */
    public ClientMessage decode(ObjectNode frame) {
        JsonNode version = frame.get("v");
        if (version == null || !version.isIntegralNumber() || version.asInt() != VERSION) {
            throw new ClientProtocolException(
                    ClientErrorCode.UNSUPPORTED_VERSION,
                    "This server speaks protocol version " + VERSION + "; set \"v\": " + VERSION);
        }
        JsonNode typeNode = frame.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new ClientProtocolException(
                    ClientErrorCode.INVALID_MESSAGE, "A message has a string \"type\"", Optional.of("/type"));
        }
        String type = typeNode.asText();
        Class<?> messageClass = CLIENT_TYPES.get(type);
        if (messageClass == null) {
            throw new ClientProtocolException(ClientErrorCode.UNKNOWN_TYPE, "Unknown message type '" + type + "'");
        }
        schemas.validateClientMessage(type, frame);
        try {
            return (ClientMessage) mapper.treeToValue(frame, messageClass);
        } catch (JsonProcessingException e) {
            // The schema admitted it, so this is a disagreement between a schema and its record: a server fault.
            throw new ClientProtocolException(
                    ClientErrorCode.INTERNAL, "Cannot bind '" + type + "': " + e.getOriginalMessage());
        }
    }

    /** Decodes one frame (parse and decode). */
    public ClientMessage decode(String frame) {
        return decode(parse(frame));
    }

    /** The JSON tree of a server message with its envelope; {@code replyTo} is the id of the client message it answers. */
    public ObjectNode toTree(ServerMessage message, Optional<String> replyTo) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("v", VERSION);
        envelope.put("type", typeOf(message));
        replyTo.ifPresent(id -> envelope.put("id", id));
        envelope.setAll((ObjectNode) mapper.valueToTree(message));
        return envelope;
    }

    /** The frame of a server message. */
    public String encode(ServerMessage message, Optional<String> replyTo) {
        try {
            return mapper.writeValueAsString(toTree(message, replyTo));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** The frame of a client message (for test clients and load drivers). */
    public String encodeClientMessage(ClientMessage message, Optional<String> id) {
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("v", VERSION);
        envelope.put("type", typeOf(message));
        id.ifPresent(value -> envelope.put("id", value));
        envelope.setAll((ObjectNode) mapper.valueToTree(message));
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** The wire type of a server message. */
    public static String typeOf(ServerMessage message) {
        return SERVER_TYPES.get(message.getClass());
    }

    /** The wire type of a client message. */
    public static String typeOf(ClientMessage message) {
        return CLIENT_TYPES.entrySet().stream()
                .filter(e -> e.getValue() == message.getClass())
                .findFirst()
                .orElseThrow()
                .getKey();
    }

    /** The mapper this codec uses, for payloads such as server event data. */
    public ObjectMapper mapper() {
        return mapper;
    }

    private static Map<Class<?>, String> invert(Map<String, Class<?>> names) {
        return names.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));
    }
}
