package mx.gob.inm.preregistro.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The local stack's MongoDB: the MongoDB wire protocol served by {@code mongo-java-server}, kept in an H2 file so
 * data survives restarts, and a {@link Journal} so that it survives a kill, with indexes that answer the services'
 * queries ({@link IndexedH2Backend}). Usage:
 * {@code MongoWireServer <host> <port> <data-file>}. A real MongoDB replaces it
 * when {@code MONGODB_URI} is set for {@code ./preregistro up}.
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: MongoWireServer <host> <port> <data-file>");
            System.exit(2);
        }
        Path dataFile = Path.of(args[2]).toAbsolutePath();
        MongoServer server = start(args[0], Integer.parseInt(args[1]), dataFile);
        System.out.println("Mongo-wire server listening on " + args[0] + ":" + args[1] + ", data in " + dataFile);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-wire-stop"));
        stopped.await();
    }

    /** Serves the data kept in {@code dataFile} (created when missing) on {@code host:port}. */
    public static MongoServer start(String host, int port, Path dataFile) throws IOException {
        Files.createDirectories(dataFile.toAbsolutePath().getParent());
        MongoServer server = new MongoServer(new IndexedH2Backend(dataFile.toAbsolutePath().toString()));
        server.bind(host, port);
        return server;
    }
}
