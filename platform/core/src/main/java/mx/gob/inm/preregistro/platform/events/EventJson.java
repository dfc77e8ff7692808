package mx.gob.inm.preregistro.platform.events;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.EventCatalog;
import mx.gob.inm.preregistro.contracts.EventEnvelope;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Envelopes to and from their JSON form on the wire. Reading looks the payload's class up in the
 * {@link EventCatalog} by the envelope's {@code type}, so a consumer gets typed records.
 */
public class EventJson {

    private final JsonMapper mapper;

    public EventJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(EventEnvelope<?> envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /**
     * Reads an envelope; its payload is an instance of the record registered for its type.
     *
     * @throws UnknownEventTypeException when the type is not in the catalog (a newer producer, or garbage)
     */
    public EventEnvelope<DomainEvent> read(String json) {
        JsonNode tree = mapper.readTree(json);
        String type = tree.path("type").asString();
        Class<? extends DomainEvent> payloadClass = EventCatalog.find(type)
                .orElseThrow(() -> new UnknownEventTypeException(type))
                .payloadClass();
        JavaType envelopeType = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, payloadClass);
        return mapper.readValue(mapper.treeAsTokens(tree), envelopeType);
    }

    /** An event whose type this build does not know. */
    public static class UnknownEventTypeException extends RuntimeException {
        public UnknownEventTypeException(String type) {
            super("Unknown event type '" + type + "'");
        }
    }
}
