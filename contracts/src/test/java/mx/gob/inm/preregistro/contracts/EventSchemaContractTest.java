package mx.gob.inm.preregistro.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The wire format both ways: what producers write validates; the checked-in examples still parse. */
class EventSchemaContractTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-24T15:30:12.345678Z"), ZoneOffset.UTC);

    static Stream<Named<EventCatalog.Entry>> entries() {
        return SampleEvents.entries().map(entry -> Named.of(entry.type(), entry));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("every event a producer serialises validates against its schema")
    void producedEventValidates(EventCatalog.Entry entry) {
        DomainEvent sample = SampleEvents.of(entry);
        EventEnvelope<DomainEvent> envelope =
                EventEnvelope.of(sample, SampleEvents.subjectFor(entry), "corr-7f3a", CLOCK);

        String json = EventSchemas.MAPPER.writeValueAsString(envelope);

        assertThat(EventSchemas.validate(entry, json)).as(json).isEmpty();
        JsonNode tree = EventSchemas.MAPPER.readTree(json);
        assertThat(tree.get("type").asString()).isEqualTo(entry.type());
        assertThat(tree.get("occurredAt").asString()).isEqualTo("2025-11-24T15:30:12.345Z");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("every example validates against its schema and parses into its record through the envelope, losing nothing")
    void exampleValidatesAndParses(EventCatalog.Entry entry) {
        String json = EventSchemas.read(entry.exampleLocation());

        assertThat(EventSchemas.validate(entry, json)).as(entry.exampleLocation()).isEmpty();

        EventEnvelope<?> envelope = EventSchemas.MAPPER.readValue(json, EventSchemas.envelopeType(entry));
        assertThat(envelope.payload()).isInstanceOf(entry.payloadClass());
        assertThat(envelope.type()).isEqualTo(entry.type());
        assertThat(envelope.version()).isEqualTo(entry.version());
        assertThat(envelope.key()).isNotBlank();
        JsonNode writtenBack = EventSchemas.MAPPER.valueToTree(envelope);
        assertThat(writtenBack)
                .as("the record written back equals the example")
                .isEqualTo(EventSchemas.MAPPER.readTree(json));
    }

    static Stream<Arguments> requiredFields() {
        return SampleEvents.entries().flatMap(entry -> {
            JsonNode schema = EventSchemas.schemaOf(entry).getSchemaNode();
            Stream<Arguments> envelopeFields = names(schema.get("required"))
                    .map(field -> Arguments.of(Named.of(entry.type(), entry), "", field));
            Stream<Arguments> payloadFields = names(schema.at("/properties/payload/required"))
                    .map(field -> Arguments.of(Named.of(entry.type(), entry), "payload", field));
            return Stream.concat(envelopeFields, payloadFields);
        });
    }

    @ParameterizedTest(name = "{0} without {1}.{2}")
    @MethodSource("requiredFields")
    @DisplayName("an example with a missing required field fails validation")
    void missingRequiredFieldFails(EventCatalog.Entry entry, String parent, String field) {
        String json = changed(entry, example -> {
            ObjectNode target = parent.isEmpty() ? example : (ObjectNode) example.get(parent);
            assertThat(target.has(field)).as("the example has " + field).isTrue();
            target.remove(field);
        });

        assertThat(messages(EventSchemas.validate(entry, json))).anyMatch(message -> message.contains(field));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("a payload with a field the schema does not know fails validation")
    void unknownPayloadFieldFails(EventCatalog.Entry entry) {
        String json = changed(entry, example -> ((ObjectNode) example.get("payload")).put("surnames", "GOMEZ"));

        assertThat(messages(EventSchemas.validate(entry, json))).anyMatch(message -> message.contains("surnames"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("formats are enforced: an event id that is not a UUID or a time that is not ISO fails validation")
    void formatsAreEnforced(EventCatalog.Entry entry) {
        assertThat(EventSchemas.validate(entry, changed(entry, example -> example.put("eventId", "evt-1")))).isNotEmpty();
        assertThat(EventSchemas.validate(entry, changed(entry, example -> example.put("occurredAt", "24/11/2025 15:30"))))
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("an envelope whose type names another event fails validation")
    void wrongTypeFails(EventCatalog.Entry entry) {
        String other = entry.type().equals("AccountRegistered") ? "AccountClosed" : "AccountRegistered";

        assertThat(EventSchemas.validate(entry, changed(entry, example -> example.put("type", other)))).isNotEmpty();
    }

    private static String changed(EventCatalog.Entry entry, Consumer<ObjectNode> change) {
        ObjectNode example = (ObjectNode) EventSchemas.MAPPER.readTree(EventSchemas.read(entry.exampleLocation()));
        change.accept(example);
        return EventSchemas.MAPPER.writeValueAsString(example);
    }

    private static Stream<String> names(JsonNode array) {
        assertThat(array.isArray()).isTrue();
        return array.valueStream().map(JsonNode::asString);
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
