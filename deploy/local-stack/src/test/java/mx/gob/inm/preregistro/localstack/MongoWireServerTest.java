package mx.gob.inm.preregistro.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("the local stack's MongoDB keeps its data in a file: what was written is there after a restart")
    void dataSurvivesRestart() throws Exception {
        Path file = dataDir.resolve("preregistro.mv");
        int port = freePort();

        MongoServer first = MongoWireServer.start("127.0.0.1", port, file);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            client.getDatabase("identity").getCollection("accounts")
                    .insertOne(new Document("_id", "a-1").append("email", "ana@example.co"));
        }
        first.shutdown();

        MongoServer second = MongoWireServer.start("127.0.0.1", port, file);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            Document found = client.getDatabase("identity").getCollection("accounts")
                    .find(new Document("_id", "a-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("email")).isEqualTo("ana@example.co");
        } finally {
            second.shutdown();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
