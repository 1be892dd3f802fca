package dev.liaison.gateway.client.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published JSON Schemas (draft 2020-12) of protocol version 1, loaded once from
 * {@code classpath:protocol/v1/{client,server}/<type>.schema.json}. Every type of {@link ClientMessage} and
 * {@link ServerMessage} must have its schema: a missing one fails at construction, not at the first message.
 */
public final class ProtocolSchemas {

    /** Where the schemas live on the classpath and under which path they are served over HTTP. */
    public static final String LOCATION = "protocol/v1/";

    private final Map<String, Schema> clientSchemas;
    private final Map<String, Schema> serverSchemas;

    public ProtocolSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        this.clientSchemas = load(registry, "client", ClientMessage.class);
        this.serverSchemas = load(registry, "server", ServerMessage.class);
    }

    /** The wire type names of the messages that {@code sealedType} permits, each from its {@link JsonTypeName}. */
    public static Map<String, Class<?>> typeNames(Class<?> sealedType) {
        Map<String, Class<?>> names = new HashMap<>();
        for (Class<?> type : sealedType.getPermittedSubclasses()) {
            JsonTypeName name = type.getAnnotation(JsonTypeName.class);
            if (name == null) {
                throw new IllegalStateException(type + " has no @JsonTypeName");
            }
            names.put(name.value(), type);
        }
        return Map.copyOf(names);
    }

    /** Checks a client message against its type's schema; throws {@code invalid-message} with the failing path. */
    public void validateClientMessage(String type, JsonNode message) {
        validate(clientSchemas, type, message);
    }

    /** Checks a server message against its schema (used by tests to keep the code and the published schemas equal). */
    public void validateServerMessage(String type, JsonNode message) {
        validate(serverSchemas, type, message);
    }

    private static void validate(Map<String, Schema> schemas, String type, JsonNode message) {
        Schema schema = schemas.get(type);
        if (schema == null) {
            throw new ClientProtocolException(ClientErrorCode.UNKNOWN_TYPE, "Unknown message type '" + type + "'");
        }
        List<Error> errors = schema.validate(message);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String path = pointer(first);
            throw new ClientProtocolException(
                    ClientErrorCode.INVALID_MESSAGE,
                    "Message '" + type + "' breaks its schema at " + (path.isEmpty() ? "/" : path) + ": "
                            + first.getMessage(),
                    Optional.of(path));
        }
    }

    /** The JSON Pointer of the failing field; for a missing required field, the field itself. */
    private static String pointer(Error error) {
        StringBuilder pointer = new StringBuilder();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            pointer.append('/').append(escape(String.valueOf(location.getElement(i))));
        }
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            pointer.append('/').append(escape(error.getProperty()));
        }
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            pointer.append('/').append(escape(error.getProperty()));
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static Map<String, Schema> load(SchemaRegistry registry, String direction, Class<?> sealedType) {
        Map<String, Schema> schemas = new HashMap<>();
        for (String type : typeNames(sealedType).keySet()) {
            String resource = LOCATION + direction + "/" + type + ".schema.json";
            try (InputStream in = ProtocolSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing JSON Schema " + resource);
                }
                schemas.put(type, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        return Map.copyOf(schemas);
    }
}
