package mx.gob.inm.preregistro.preregistration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import mx.gob.inm.preregistro.contracts.EventCatalog;

/** Validates an envelope read from Kafka against its JSON Schema in {@code contracts} (formats asserted). */
public final class PublishedSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private PublishedSchemas() {
    }

    /** The schema errors of {@code envelope}; empty when it is valid. */
    public static List<Error> errors(JsonNode envelope) {
        EventCatalog.Entry entry = EventCatalog.find(envelope.get("type").asString()).orElseThrow();
        Schema schema = SCHEMAS.computeIfAbsent(entry.schemaLocation(), location -> {
            try (InputStream in = PublishedSchemas.class.getClassLoader().getResourceAsStream(location)) {
                return REGISTRY.getSchema(in, InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return schema.validate(envelope.toString(), InputFormat.JSON);
    }
}
