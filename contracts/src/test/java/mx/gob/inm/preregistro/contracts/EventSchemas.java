package mx.gob.inm.preregistro.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/** Reads the schemas and examples of the catalog from the classpath and validates JSON against them. */
final class EventSchemas {

    /** Jackson 3 as Spring Boot 4 configures it by default: java.time values as ISO strings. */
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    static Schema schemaOf(EventCatalog.Entry entry) {
        return SCHEMAS.computeIfAbsent(entry.schemaLocation(), location -> {
            try (InputStream in = resource(location)) {
                return REGISTRY.getSchema(in, InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The validation errors of a JSON envelope against the entry's schema; empty when valid. */
    static List<Error> validate(EventCatalog.Entry entry, String json) {
        return schemaOf(entry).validate(json, InputFormat.JSON);
    }

    static String read(String location) {
        try (InputStream in = resource(location)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code EventEnvelope<Payload>} for binding an envelope of this entry. */
    static JavaType envelopeType(EventCatalog.Entry entry) {
        return MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, entry.payloadClass());
    }

    private static InputStream resource(String location) {
        InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(location);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + location);
        }
        return in;
    }
}
