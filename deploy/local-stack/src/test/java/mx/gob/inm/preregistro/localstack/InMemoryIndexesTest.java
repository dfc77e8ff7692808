package mx.gob.inm.preregistro.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Which queries the Mongo-wire server's indexes answer instead of reading the whole collection (a query an index
 * can handle is answered from it: mongo-java-server's {@code AbstractMongoCollection.queryDocuments}).
 */
class InMemoryIndexesTest {

    private final InMemoryUniqueIndex<Object> id = new InMemoryUniqueIndex<>("_id_", List.of(new IndexKey("_id", true)), false);
    private final InMemoryValueIndex<Object> account = new InMemoryValueIndex<>("accountId_1", List.of(new IndexKey("accountId", true)), false);
    private final InMemoryValueIndex<Object> pending = new InMemoryValueIndex<>("outbox.eventId_1", List.of(new IndexKey("outbox.eventId", true)), true);

    @Test
    @DisplayName("the _id index answers a query by _id whatever else it asks; the stock index answered only {_id: x}")
    void idWithOtherFields() {
        assertThat(id.canHandle(query("_id", "p-1"))).isTrue();
        assertThat(id.canHandle(query("_id", "p-1").append("accountId", "ana").append("version", 3))).isTrue();
        assertThat(id.canHandle(query("_id", new Document("$in", List.of("p-1", "p-2"))).append("status", "DRAFT"))).isTrue();
        assertThat(id.canHandle(query("accountId", "ana"))).isFalse();
        assertThat(id.canHandle(query("_id", new Document("$gt", "p")))).isFalse();
    }

    @Test
    @DisplayName("a compound unique index answers a query giving each of its fields a value, whatever else it asks")
    void compoundUnique() {
        InMemoryUniqueIndex<Object> inbox = new InMemoryUniqueIndex<>("consumer_eventId_unique",
                List.of(new IndexKey("consumer", true), new IndexKey("eventId", true)), false);
        assertThat(inbox.canHandle(query("consumer", "fmme").append("eventId", "e-1"))).isTrue();
        assertThat(inbox.canHandle(query("consumer", "fmme").append("eventId", "e-1").append("state", "PROCESSING"))).isTrue();
        assertThat(inbox.canHandle(query("eventId", "e-1"))).isFalse();
    }

    @Test
    @DisplayName("a compound unique index answers a query on its first field alone, as MongoDB's does: GridFS's chunks of one file")
    void compoundUniqueByFirstField() {
        InMemoryUniqueIndex<Object> chunks = new InMemoryUniqueIndex<>("files_id_1_n_1",
                List.of(new IndexKey("files_id", true), new IndexKey("n", true)), false);
        chunks.add(query("_id", "c-1").append("files_id", "f-1").append("n", 0), "at-1", null);
        chunks.add(query("_id", "c-2").append("files_id", "f-1").append("n", 1), "at-2", null);
        chunks.add(query("_id", "c-3").append("files_id", "f-2").append("n", 0), "at-3", null);

        assertThat(chunks.canHandle(query("files_id", "f-1"))).isTrue();
        assertThat(chunks.getPositions(query("files_id", "f-1"))).containsExactlyInAnyOrder("at-1", "at-2");
        assertThat(chunks.getPositions(query("files_id", new Document("$in", List.of("f-2", "f-9")))))
                .containsExactly("at-3");
        assertThat(chunks.getPositions(query("files_id", "f-1").append("n", 1))).containsExactly("at-2");
        assertThat(chunks.canHandle(query("files_id", new Document("$gt", "f")))).isFalse();

        chunks.remove(query("_id", "c-1").append("files_id", "f-1").append("n", 0));
        assertThat(chunks.getPositions(query("files_id", "f-1"))).containsExactly("at-2");
        chunks.remove(query("_id", "c-2").append("files_id", "f-1").append("n", 1));
        assertThat(chunks.getPositions(query("files_id", "f-1"))).isEmpty();
    }

    @Test
    @DisplayName("a non-unique index answers equality and $in on its field; ranges, patterns, null and arrays read the collection")
    void valueIndex() {
        assertThat(account.canHandle(query("accountId", "ana").append("status", "DRAFT"))).isTrue();
        assertThat(account.canHandle(query("accountId", new Document("$in", List.of("ana", "eva"))))).isTrue();
        assertThat(account.canHandle(query("accountId", new Document("$exists", true)))).isFalse();
        assertThat(account.canHandle(query("accountId", new Document("$gt", "a")))).isFalse();
        assertThat(account.canHandle(query("accountId", Pattern.compile("^a")))).isFalse();
        assertThat(account.canHandle(query("accountId", null))).isFalse();
        assertThat(account.canHandle(query("accountId", List.of("ana")))).isFalse();
        assertThat(account.canHandle(query("status", "DRAFT"))).isFalse();
    }

    @Test
    @DisplayName("a compound non-unique index answers a query giving each of its fields a value, whatever else it asks")
    void compoundValues() {
        InMemoryValueIndex<Object> rejections = new InMemoryValueIndex<>("documentId_status",
                List.of(new IndexKey("documentId", true), new IndexKey("status", true)), false);
        assertThat(rejections.canHandle(query("documentId", "d-1").append("status", "REJECTED")
                .append("retryBlockedUntil", new Document("$gt", "2026-12-06")))).isTrue();
        assertThat(rejections.canHandle(query("documentId", "d-1"))).isFalse();
        assertThat(rejections.canHandle(query("documentId", "d-1").append("status", new Document("$in", List.of("REJECTED"))))).isFalse();
    }

    @Test
    @DisplayName("a sparse index also answers {$exists: true}, the outbox relay's query")
    void sparseExists() {
        assertThat(pending.canHandle(query("outbox.eventId", new Document("$exists", true)))).isTrue();
        assertThat(pending.canHandle(query("outbox.eventId", new Document("$exists", false)))).isFalse();
    }

    @Test
    @DisplayName("a document is in a sparse index when it has the field, null included, also inside array elements")
    void holds() {
        assertThat(InMemoryValueIndex.holds(query("outbox", List.of(query("eventId", "e-1"))), "outbox.eventId")).isTrue();
        assertThat(InMemoryValueIndex.holds(query("outbox", List.of(query("eventId", null))), "outbox.eventId")).isTrue();
        assertThat(InMemoryValueIndex.holds(query("outbox", List.of()), "outbox.eventId")).isFalse();
        assertThat(InMemoryValueIndex.holds(query("status", "DRAFT"), "outbox.eventId")).isFalse();
    }

    private static Document query(String field, Object value) {
        Document query = new Document();
        query.put(field, value);
        return query;
    }
}
