package mx.gob.inm.preregistro.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mongo-wire server's indexes give the answers a scan of the collection gives, through the MongoDB driver the
 * services use, before and after a restart. ({@link InMemoryIndexesTest} shows which queries they answer.)
 */
class IndexedH2BackendTest {

    @TempDir
    Path dataDir;

    private int port;
    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = MongoWireServer.start("127.0.0.1", port, dataDir.resolve("data.mv"));
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    private void restart() throws Exception {
        stop();
        server = MongoWireServer.start("127.0.0.1", port, dataDir.resolve("data.mv"));
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
    }

    private MongoCollection<Document> preregistrations() {
        return client.getDatabase("preregistration").getCollection("preregistrations");
    }

    @Test
    @DisplayName("a query by _id and other fields finds the document only when the other fields match too; a conditional update changes it only then")
    void idWithOtherFields() {
        preregistrations().insertOne(new Document("_id", "p-1").append("accountId", "ana").append("version", 3));

        assertThat(ids(Filters.and(Filters.eq("_id", "p-1"), Filters.eq("accountId", "ana")))).containsExactly("p-1");
        assertThat(ids(Filters.and(Filters.eq("_id", "p-1"), Filters.eq("accountId", "eva")))).isEmpty();
        assertThat(preregistrations().updateOne(Filters.and(Filters.eq("_id", "p-1"), Filters.eq("version", 2)),
                Updates.set("version", 4)).getModifiedCount()).isZero();
        assertThat(preregistrations().updateOne(Filters.and(Filters.eq("_id", "p-1"), Filters.eq("version", 3)),
                Updates.set("version", 4)).getModifiedCount()).isOne();
        assertThat(preregistrations().find(Filters.eq("_id", "p-1")).first().getInteger("version")).isEqualTo(4);
    }

    @Test
    @DisplayName("a non-unique index finds every document with the value, follows changes and removals, and is rebuilt after a restart")
    void valueIndex() throws Exception {
        preregistrations().createIndex(Indexes.ascending("accountId"));
        preregistrations().insertMany(List.of(
                new Document("_id", "p-1").append("accountId", "ana").append("trips", 1),
                new Document("_id", "p-2").append("accountId", "ana").append("trips", 2L),
                new Document("_id", "p-3").append("accountId", "eva")));

        assertThat(ids(Filters.eq("accountId", "ana"))).containsExactlyInAnyOrder("p-1", "p-2");
        assertThat(ids(Filters.in("accountId", "ana", "eva", "noa"))).containsExactlyInAnyOrder("p-1", "p-2", "p-3");
        assertThat(ids(Filters.and(Filters.eq("accountId", "ana"), Filters.eq("trips", 2)))).containsExactly("p-2");

        preregistrations().updateOne(Filters.eq("_id", "p-2"), Updates.set("accountId", "eva"));
        preregistrations().deleteOne(Filters.eq("_id", "p-3"));
        assertThat(ids(Filters.eq("accountId", "ana"))).containsExactly("p-1");
        assertThat(ids(Filters.eq("accountId", "eva"))).containsExactly("p-2");

        restart();
        assertThat(ids(Filters.eq("accountId", "ana"))).containsExactly("p-1");
        assertThat(ids(Filters.eq("accountId", "eva"))).containsExactly("p-2");
        preregistrations().insertOne(new Document("_id", "p-4").append("accountId", "ana"));
        assertThat(ids(Filters.eq("accountId", "ana"))).containsExactlyInAnyOrder("p-1", "p-4");
    }

    @Test
    @DisplayName("a compound non-unique index finds the documents with both values, follows a change of one, and is rebuilt after a restart")
    void compoundValueIndex() throws Exception {
        preregistrations().createIndex(Indexes.ascending("documentId", "status"));
        preregistrations().insertOne(new Document("_id", "p-1").append("documentId", "d-1").append("status", "REJECTED"));
        preregistrations().insertOne(new Document("_id", "p-2").append("documentId", "d-1").append("status", "APPROVED"));
        preregistrations().insertOne(new Document("_id", "p-3").append("documentId", "d-2").append("status", "REJECTED"));
        Bson rejectedOfD1 = Filters.and(Filters.eq("documentId", "d-1"), Filters.eq("status", "REJECTED"));

        assertThat(ids(rejectedOfD1)).containsExactly("p-1");
        preregistrations().updateOne(Filters.eq("_id", "p-2"), Updates.set("status", "REJECTED"));
        assertThat(ids(rejectedOfD1)).containsExactlyInAnyOrder("p-1", "p-2");

        restart();
        assertThat(ids(rejectedOfD1)).containsExactlyInAnyOrder("p-1", "p-2");
        assertThat(ids(Filters.eq("documentId", "d-1"))).containsExactlyInAnyOrder("p-1", "p-2");
    }

    @Test
    @DisplayName("a sparse index on a field of array elements finds the documents with pending outbox events, and loses them once pulled")
    void sparseIndexOnArrayElements() throws Exception {
        preregistrations().createIndex(Indexes.ascending("outbox.eventId"), new IndexOptions().sparse(true));
        preregistrations().insertMany(List.of(
                new Document("_id", "p-1").append("outbox", List.of(new Document("eventId", "e-1"), new Document("eventId", "e-2"))),
                new Document("_id", "p-2").append("outbox", List.of()),
                new Document("_id", "p-3")));
        Bson pending = Filters.exists("outbox.eventId");

        assertThat(ids(pending)).containsExactly("p-1");
        assertThat(ids(Filters.eq("outbox.eventId", "e-2"))).containsExactly("p-1");

        preregistrations().updateOne(Filters.eq("_id", "p-2"), Updates.push("outbox", new Document("eventId", "e-3")));
        preregistrations().updateOne(Filters.eq("_id", "p-1"), Updates.pull("outbox", new Document("eventId", "e-1")));
        assertThat(ids(pending)).containsExactlyInAnyOrder("p-1", "p-2");
        preregistrations().updateOne(Filters.eq("_id", "p-1"), Updates.pull("outbox", new Document("eventId", "e-2")));
        assertThat(ids(pending)).containsExactly("p-2");

        restart();
        assertThat(ids(pending)).containsExactly("p-2");
    }

    @Test
    @DisplayName("unique indexes still refuse a second document with the same key, before and after a restart")
    void uniqueness() throws Exception {
        MongoCollection<Document> accounts = client.getDatabase("identity").getCollection("accounts");
        accounts.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        accounts.insertOne(new Document("_id", "a-1").append("email", "ana@example.co"));

        assertDuplicate(() -> accounts.insertOne(new Document("_id", "a-1").append("email", "eva@example.co")));
        assertDuplicate(() -> accounts.insertOne(new Document("_id", "a-2").append("email", "ana@example.co")));

        restart();
        MongoCollection<Document> reopened = client.getDatabase("identity").getCollection("accounts");
        assertDuplicate(() -> reopened.insertOne(new Document("_id", "a-1")));
        assertDuplicate(() -> reopened.insertOne(new Document("_id", "a-3").append("email", "ana@example.co")));
        reopened.insertOne(new Document("_id", "a-3").append("email", "eva@example.co"));
        assertThat(reopened.countDocuments()).isEqualTo(2);
    }

    @Test
    @DisplayName("a compound unique index refuses a second document with the same pair and finds one by the pair and more")
    void compoundUniqueness() {
        MongoCollection<Document> inbox = client.getDatabase("fmme").getCollection("inbox");
        inbox.createIndex(Indexes.ascending("consumer", "eventId"), new IndexOptions().unique(true));
        inbox.insertOne(new Document("consumer", "fmme").append("eventId", "e-1").append("state", "DONE"));
        inbox.insertOne(new Document("consumer", "mail").append("eventId", "e-1").append("state", "PROCESSING"));

        assertDuplicate(() -> inbox.insertOne(new Document("consumer", "fmme").append("eventId", "e-1")));
        assertThat(inbox.find(Filters.and(Filters.eq("consumer", "mail"), Filters.eq("eventId", "e-1"),
                Filters.eq("state", "PROCESSING"))).first()).isNotNull();
        assertThat(inbox.find(Filters.and(Filters.eq("consumer", "fmme"), Filters.eq("eventId", "e-1"),
                Filters.eq("state", "PROCESSING"))).first()).isNull();
    }

    @Test
    @DisplayName("GridFS through the driver: each file's chunks found by files_id (the first field of the driver's unique index), a deleted file's chunks gone, the rest read back after a restart")
    void gridFsChunksByFile() throws Exception {
        GridFSBucket files = GridFSBuckets.create(client.getDatabase("preregistration"));
        byte[] large = new byte[600_000];
        new Random(7).nextBytes(large);
        ObjectId kept = files.uploadFromStream("boleto.png", new ByteArrayInputStream(large));
        ObjectId replaced = files.uploadFromStream("hotel.png", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        ObjectId other = files.uploadFromStream("otro.png", new ByteArrayInputStream(new byte[] {4, 5}));
        MongoCollection<Document> chunks = client.getDatabase("preregistration").getCollection("fs.chunks");
        assertThat(chunks.countDocuments(Filters.eq("files_id", kept))).isEqualTo(3);

        files.delete(replaced);

        assertThat(chunks.countDocuments(Filters.eq("files_id", replaced))).isZero();
        assertThat(chunks.countDocuments()).isEqualTo(4);
        restart();
        GridFSBucket reopened = GridFSBuckets.create(client.getDatabase("preregistration"));
        assertThat(download(reopened, kept)).isEqualTo(large);
        assertThat(download(reopened, other)).containsExactly(4, 5);
        reopened.delete(kept);
        assertThat(client.getDatabase("preregistration").getCollection("fs.chunks").countDocuments()).isEqualTo(1);
    }

    private static byte[] download(GridFSBucket files, ObjectId id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.downloadToStream(id, out);
        return out.toByteArray();
    }

    @Test
    @DisplayName("documents are kept as BSON: every type the services store reads back the same after a restart, a change included")
    void everyTypeSurvivesARestart() throws Exception {
        Document stored = new Document("_id", new ObjectId())
                .append("text", "Señora Ñúñez 🙂").append("int", 42).append("long", 1L << 40).append("double", 0.1)
                .append("yes", true).append("nothing", null).append("when", new Date(1_796_000_000_000L))
                .append("decimal", new Decimal128(new BigDecimal("12345.6789")))
                .append("bytes", new Binary(new byte[] {0, 1, 2, (byte) 0xFF}))
                .append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, UUID_BYTES))
                .append("legacyUuid", new Binary(BsonBinarySubType.UUID_LEGACY, UUID_BYTES))
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3L))))
                .append("outbox", List.of());
        MongoCollection<Document> forms = client.getDatabase("fmme").getCollection("forms");
        forms.insertOne(stored);
        forms.updateOne(Filters.eq("_id", stored.get("_id")), Updates.set("text", "cambiado"));
        stored.put("text", "cambiado");

        restart();
        Document read = client.getDatabase("fmme").getCollection("forms").find(Filters.eq("_id", stored.get("_id"))).first();
        assertThat(read).isEqualTo(stored);
    }

    @Test
    @DisplayName("a data file written by the stock backend (Java-serialised documents) is still read, changed and added to")
    void stockDataFileStillRead() throws Exception {
        stop();
        Path legacy = dataDir.resolve("legacy.mv");
        MongoServer stock = new MongoServer(new H2Backend(legacy.toString()));
        stock.bind("127.0.0.1", port);
        try (MongoClient old = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            old.getDatabase("identity").getCollection("accounts")
                    .insertOne(new Document("_id", "a-1").append("email", "ana@example.co"));
        }
        stock.shutdown();

        server = MongoWireServer.start("127.0.0.1", port, legacy);
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
        MongoCollection<Document> accounts = client.getDatabase("identity").getCollection("accounts");
        assertThat(accounts.find(Filters.eq("_id", "a-1")).first()).containsEntry("email", "ana@example.co");
        accounts.updateOne(Filters.eq("_id", "a-1"), Updates.set("email", "ana.maria@example.co"));
        accounts.insertOne(new Document("_id", "a-2").append("email", "eva@example.co"));
        client.getDatabase("identity").getCollection("sessions").insertOne(new Document("_id", "s-1"));

        stop();
        server = MongoWireServer.start("127.0.0.1", port, legacy);
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
        MongoCollection<Document> reopened = client.getDatabase("identity").getCollection("accounts");
        assertThat(reopened.find(Filters.eq("_id", "a-1")).first()).containsEntry("email", "ana.maria@example.co");
        assertThat(reopened.countDocuments()).isEqualTo(2);
        assertThat(client.getDatabase("identity").getCollection("sessions").countDocuments()).isEqualTo(1);
    }

    @Test
    @DisplayName("a data file written before the keys were stored as bytes (BSON documents, generic keys) is still read, changed and added to")
    void bsonDataFileWithGenericKeysStillRead() throws Exception {
        stop();
        Path earlier = dataDir.resolve("earlier.mv");
        MongoServer before = new MongoServer(new IndexedH2Backend(earlier.toString(), IndexedH2Backend.BSON));
        before.bind("127.0.0.1", port);
        ObjectId handled = new ObjectId();
        try (MongoClient old = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            old.getDatabase("fmme").getCollection("processed_events")
                    .insertOne(new Document("_id", handled).append("state", "PROCESSING"));
        }
        before.shutdown();

        server = MongoWireServer.start("127.0.0.1", port, earlier);
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
        MongoCollection<Document> events = client.getDatabase("fmme").getCollection("processed_events");
        events.updateOne(Filters.eq("_id", handled), Updates.set("state", "DONE"));
        events.insertOne(new Document("_id", new ObjectId()).append("state", "DONE"));
        client.getDatabase("fmme").getCollection("fmmes").insertOne(new Document("_id", new ObjectId()));

        stop();
        server = MongoWireServer.start("127.0.0.1", port, earlier);
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
        events = client.getDatabase("fmme").getCollection("processed_events");
        assertThat(events.find(Filters.eq("_id", handled)).first()).containsEntry("state", "DONE");
        assertThat(events.countDocuments()).isEqualTo(2);
        assertThat(client.getDatabase("fmme").getCollection("fmmes").countDocuments()).isEqualTo(1);
    }

    /** A UUID's 16 bytes, as binary subtype 4 (the services') and 3 (the driver's legacy one). */
    private static final byte[] UUID_BYTES = {(byte) 0x8d, 0x3c, 0x0e, 0x1a, 0x5b, 0x7f, 0x4c, 0x2e, (byte) 0x9a, 0x1d,
            0x2f, 0x3b, 0x4c, 0x5d, 0x6e, 0x7f};

    private static void assertDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private List<String> ids(Bson filter) {
        List<String> ids = new ArrayList<>();
        preregistrations().find(filter).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }
}
