package mx.gob.inm.preregistro.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationApproved;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The catalog, the records, and the schema and example files agree with each other. */
class EventCatalogTest {

    private static final String PACKAGE = EventCatalog.class.getPackageName();
    private static final Path RESOURCES = Path.of(System.getProperty("basedir", "."), "src", "main", "resources");

    @Test
    @DisplayName("the catalog lists every event record of the contracts package, and nothing else")
    void catalogCoversEveryEventRecord() throws Exception {
        Set<Class<?>> eventClasses = scanEventClasses();

        Set<Class<?>> catalogued = EventCatalog.all().stream()
                .map(EventCatalog.Entry::payloadClass).collect(Collectors.toSet());

        assertThat(eventClasses).as("scanned DomainEvent classes").hasSizeGreaterThanOrEqualTo(24);
        assertThat(catalogued).containsExactlyInAnyOrderElementsOf(eventClasses);
        assertThat(eventClasses).allMatch(Class::isRecord, "every event is a record");
    }

    @Test
    @DisplayName("every schema and example file on disk belongs to a catalog entry, and every entry has both")
    void filesOnDiskMatchTheCatalog() throws IOException {
        Set<String> expected = EventCatalog.all().stream()
                .flatMap(entry -> Stream.of(entry.schemaLocation(), entry.exampleLocation()))
                .collect(Collectors.toSet());

        Set<String> onDisk = new HashSet<>();
        for (String folder : List.of("schemas", "examples")) {
            try (Stream<Path> files = Files.walk(RESOURCES.resolve(folder))) {
                files.filter(Files::isRegularFile)
                        .map(file -> RESOURCES.relativize(file).toString().replace('\\', '/'))
                        .forEach(onDisk::add);
            }
        }

        assertThat(onDisk).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Named<EventCatalog.Entry>> entries() {
        return SampleEvents.entries().map(entry -> Named.of(entry.type(), entry));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    @DisplayName("each schema describes exactly the record's fields, requiring all but the nullable ones")
    void schemaMatchesRecord(EventCatalog.Entry entry) {
        JsonNode schema = EventSchemas.schemaOf(entry).getSchemaNode();

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/type/const").asString()).isEqualTo(entry.type());
        assertThat(schema.at("/properties/version/const").asInt()).isEqualTo(entry.version());
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        assertObjectMatchesRecord(schema, schema.at("/properties/payload"), entry.payloadClass(), entry.type());
    }

    @Test
    @DisplayName("a consumer finds the payload class, topic and schema for a type name; unknown types find nothing")
    void consumerLooksUpAType() {
        EventCatalog.Entry entry = EventCatalog.find("PreRegistrationApproved").orElseThrow();

        assertThat(entry.payloadClass()).isEqualTo(PreRegistrationApproved.class);
        assertThat(entry.topic()).isEqualTo(Topics.PREREGISTRATIONS);
        assertThat(entry.schemaLocation()).isEqualTo("schemas/preregistrations.v1/PreRegistrationApproved.schema.json");
        assertThat(entry.exampleLocation()).isEqualTo("examples/preregistrations.v1/PreRegistrationApproved.json");
        assertThat(EventCatalog.of(PreRegistrationApproved.class)).isEqualTo(entry);
        assertThat(EventCatalog.find("PreRegistrationApprovedV9")).isEmpty();
        assertThatThrownBy(() -> EventCatalog.of(DomainEvent.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("every topic carries at least one event, and every event is on a known topic")
    void topicsAndEventsMatch() {
        assertThat(Topics.all()).containsExactly("identity.accounts.v1", "documents.v1", "preregistrations.v1",
                "fmme.v1", "notifications.v1", "partners.decisions.v1");
        assertThat(Topics.all()).allSatisfy(topic -> assertThat(EventCatalog.onTopic(topic)).isNotEmpty());
        assertThat(EventCatalog.all()).allSatisfy(entry -> assertThat(Topics.all()).contains(entry.topic()));
        assertThat(SampleEvents.all()).allSatisfy(event ->
                assertThat(EventCatalog.topicOf(event)).isEqualTo(EventCatalog.find(event.eventType()).orElseThrow().topic()));
    }

    @Test
    @DisplayName("R-OPS-1 the partners topic carries no names, no birth date, no account and no plain document number")
    void partnersTopicIsPiiMinimised() {
        for (EventCatalog.Entry entry : EventCatalog.onTopic(Topics.PARTNERS_DECISIONS)) {
            JsonNode schema = EventSchemas.schemaOf(entry).getSchemaNode();
            Set<String> payloadFields = new HashSet<>();
            schema.at("/properties/payload/properties").propertyNames().forEach(payloadFields::add);

            assertThat(payloadFields).doesNotContain("surname", "givenNames", "firstSurname", "birthDate", "sex",
                    "accountId", "email", "documentNumber", "documentId");
            assertThat(schema.at("/properties/subject/type").asString()).isEqualTo("null");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Set<Class<?>> scanEventClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(EventCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve(PACKAGE.replace('.', '/'));
        try (Stream<Path> files = Files.walk(root)) {
            return files
                    .filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace('\\', '/'))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(EventCatalogTest::load)
                    .filter(type -> DomainEvent.class.isAssignableFrom(type) && !type.isInterface())
                    .collect(Collectors.toSet());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventCatalogTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares an object schema with a record, following local $refs into nested records. */
    private static void assertObjectMatchesRecord(JsonNode root, JsonNode objectSchema, Class<?> recordType, String path) {
        JsonNode schema = resolve(root, objectSchema);
        assertThat(recordType.isRecord()).as(path + " is a record").isTrue();
        assertThat(schema.get("additionalProperties").asBoolean(true)).as(path + " additionalProperties").isFalse();

        List<String> components = Arrays.stream(recordType.getRecordComponents()).map(RecordComponent::getName).toList();
        Set<String> properties = new HashSet<>(schema.get("properties").propertyNames());
        assertThat(properties).as(path + " properties").containsExactlyInAnyOrderElementsOf(components);

        Set<String> required = new HashSet<>();
        schema.get("required").valueStream().map(JsonNode::asString).forEach(required::add);
        for (RecordComponent component : recordType.getRecordComponents()) {
            String name = component.getName();
            JsonNode property = resolve(root, schema.get("properties").get(name));
            boolean nullable = allowsNull(property);
            assertThat(required.contains(name)).as(path + "." + name + " is required unless nullable").isEqualTo(!nullable);
            if (component.getType().isPrimitive()) {
                assertThat(nullable).as(path + "." + name + " is primitive, never null").isFalse();
            }
            if (component.getType().isRecord()) {
                assertObjectMatchesRecord(root, property, component.getType(), path + "." + name);
            }
            if (component.getType().isEnum()) {
                List<String> constants = Arrays.stream(component.getType().getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name()).toList();
                List<String> allowed = property.get("enum").valueStream()
                        .filter(value -> !value.isNull()).map(JsonNode::asString).toList();
                assertThat(allowed).as(path + "." + name + " enum").containsExactlyInAnyOrderElementsOf(constants);
            }
            if (List.class.equals(component.getType())) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                assertThat(property.get("type").asString()).isEqualTo("array");
                assertThat(element).isEqualTo(String.class);
            }
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        JsonNode ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String pointer = ref.asString();
        assertThat(pointer).startsWith("#/");
        return root.at(pointer.substring(1));
    }

    private static boolean allowsNull(JsonNode property) {
        JsonNode type = property.get("type");
        if (type != null && type.isArray()) {
            return type.valueStream().anyMatch(value -> "null".equals(value.asString()));
        }
        JsonNode allowed = property.get("enum");
        return allowed != null && allowed.valueStream().anyMatch(JsonNode::isNull);
    }
}
