package mx.gob.inm.preregistro.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DocumentIdTypeTest {

    /** Every kind of _id: the services' strings and ObjectIds, UUIDs, numbers, none, and a compound one. */
    private static final List<Object> KEYS = List.of("p-1", "p-2", "Señora Ñúñez 🙂", "", new ObjectId(), new ObjectId(),
            UUID.fromString("8d3c0e1a-5b7f-4c2e-9a1d-2f3b4c5d6e7f"), UUID.randomUUID(), 1L, 1L << 40, -7L, 1, 42,
            Missing.getInstance(), new Document("documentId", "d-1").append("entryDate", "2026-12-24"), 0.5);

    @Test
    @DisplayName("every kind of key is read back equal to what was written")
    void roundTrip() {
        for (Object key : KEYS) {
            WriteBuffer buffer = new WriteBuffer();
            DocumentIdType.INSTANCE.write(buffer, key);
            assertThat(DocumentIdType.INSTANCE.read(buffer.getBuffer().flip())).as(key.toString()).isEqualTo(key);
        }
    }

    @Test
    @DisplayName("keys are in one order: antisymmetric, transitive, and equal exactly where H2's generic key type finds them equal")
    void oneOrder() {
        ObjectDataType generic = new ObjectDataType();
        for (Object a : KEYS) {
            for (Object b : KEYS) {
                int ab = Integer.signum(DocumentIdType.INSTANCE.compare(a, b));
                assertThat(ab).as(a + " vs " + b).isEqualTo(-Integer.signum(DocumentIdType.INSTANCE.compare(b, a)));
                assertThat(ab == 0).as(a + " = " + b).isEqualTo(generic.compare(a, b) == 0);
                for (Object c : KEYS) {
                    if (ab <= 0 && DocumentIdType.INSTANCE.compare(b, c) <= 0) {
                        assertThat(DocumentIdType.INSTANCE.compare(a, c)).as(a + " <= " + b + " <= " + c)
                                .isLessThanOrEqualTo(0);
                    }
                }
            }
        }
        assertThat(DocumentIdType.INSTANCE.compare(1, 1L)).as("an int and a long are different keys").isNotZero();
    }
}
