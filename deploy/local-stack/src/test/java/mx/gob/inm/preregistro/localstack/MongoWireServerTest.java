package mx.gob.inm.preregistro.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerTest {

    @TempDir
    Path dataDir;

    private Path file;
    private int port;

    @BeforeEach
    void place() throws Exception {
        file = dataDir.resolve("preregistro.mv");
        port = freePort();
    }

    @Test
    @DisplayName("the local stack's MongoDB keeps its data in a file: what was written is there after a restart")
    void dataSurvivesRestart() throws Exception {
        served(client -> client.getDatabase("identity").getCollection("accounts")
                .insertOne(new Document("_id", "a-1").append("email", "ana@example.co")));

        served(client -> {
            Document found = client.getDatabase("identity").getCollection("accounts")
                    .find(new Document("_id", "a-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("email")).isEqualTo("ana@example.co");
        });
    }

    @Test
    @DisplayName("a MongoDB-wire server killed (-9) the moment it acknowledged writes comes back with every one of them: inserts, updates and deletes")
    void acknowledgedWritesSurviveKill() throws Exception {
        killedAfter(client -> {
            MongoCollection<Document> accounts = client.getDatabase("identity").getCollection("accounts");
            for (int i = 0; i < 50; i++) {
                accounts.insertOne(new Document("_id", "a-" + i).append("state", "created"));
            }
            accounts.updateMany(Filters.in("_id", "a-1", "a-2"), Updates.set("state", "active"));
            accounts.deleteOne(Filters.eq("_id", "a-3"));
        });

        served(client -> {
            MongoCollection<Document> accounts = client.getDatabase("identity").getCollection("accounts");
            assertThat(accounts.countDocuments()).isEqualTo(49);
            List<String> active = accounts.find(Filters.eq("state", "active")).map(d -> d.getString("_id"))
                    .into(new ArrayList<>());
            assertThat(active).containsExactlyInAnyOrder("a-1", "a-2");
            assertThat(accounts.find(Filters.eq("_id", "a-49")).first()).isNotNull();
            assertThat(accounts.find(Filters.eq("_id", "a-3")).first()).isNull();
        });
    }

    @Test
    @DisplayName("a collection dropped just before the kill stays dropped, and a journal record cut short by the kill (never answered) is left out")
    void droppedCollectionAndCutRecord() throws Exception {
        killedAfter(client -> {
            MongoCollection<Document> drafts = client.getDatabase("prereg").getCollection("drafts");
            drafts.insertOne(new Document("_id", "d-1"));
            drafts.drop();
            client.getDatabase("prereg").getCollection("kept").insertOne(new Document("_id", "k-1"));
        });
        Path journal;
        try (Stream<Path> files = Files.list(dataDir)) {
            journal = files.filter(p -> p.getFileName().toString().startsWith("preregistro.mv.journal.")).findFirst()
                    .orElseThrow();
        }
        Files.write(journal, new byte[] {120, 0, 0, 0, 3, 'n'}, StandardOpenOption.APPEND);   // 120 bytes announced, 2 there

        served(client -> {
            assertThat(client.getDatabase("prereg").getCollection("drafts").countDocuments()).isZero();
            assertThat(client.getDatabase("prereg").getCollection("kept").countDocuments()).isEqualTo(1);
        });
    }

    /** Makes the writes on a server in a process of its own, as the local stack runs it, then kills it (-9). */
    private void killedAfter(Consumer<MongoClient> writes) throws Exception {
        Process server = launch();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            writes.accept(client);
            server.destroyForcibly();   // SIGKILL: no shutdown hook, nothing flushed on the way out
        }
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Starts the server on the file in this process, hands a client to the work, and shuts the server down. */
    private void served(Consumer<MongoClient> work) throws Exception {
        MongoServer server = MongoWireServer.start("127.0.0.1", port, file);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            work.accept(client);
        } finally {
            server.shutdown();
        }
    }

    /** The server in a process of its own, once it accepts connections. */
    private Process launch() throws Exception {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MongoWireServer.class.getName(),
                "127.0.0.1", String.valueOf(port), file.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                assertThat(process.isAlive()).as("the server process started").isTrue();
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the Mongo-wire server did not listen on port " + port + " within 30 s");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
