package mx.gob.inm.preregistro.gateway;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Mongo-wire server for the browsers' sessions, started once per test JVM before the first test class; every
 * gateway test gets it (registered for all of them in {@code META-INF/services}, with JUnit's extension
 * autodetection on in {@code junit-platform.properties}). {@link #uri()} for a test that talks to it itself.
 */
public class SessionDatabase implements BeforeAllCallback {

    private static MongoServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty("spring.mongodb.uri", uri());
    }

    /** The server's address, starting it on first use. */
    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "session-database-stop"));
        }
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }
}
