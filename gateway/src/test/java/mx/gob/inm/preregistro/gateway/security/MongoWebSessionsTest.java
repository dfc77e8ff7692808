package mx.gob.inm.preregistro.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import mx.gob.inm.preregistro.gateway.SessionDatabase;
import mx.gob.inm.preregistro.testing.MutableClock;

/** The browsers' sessions in MongoDB, as two gateway instances (or one before and after a restart) see them. */
class MongoWebSessionsTest {

    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final MongoClient MONGO = client(SessionDatabase.uri());

    private final MongoCollection<Document> collection = MONGO.getDatabase("gateway-test")
            .getCollection("sessions-" + UUID.randomUUID());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T15:00:00Z"));

    @AfterAll
    static void close() {
        MONGO.close();
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .timeout(SessionStore.ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS).build());
    }

    private MongoWebSessions gateway() {
        return new MongoWebSessions(collection, IDLE, clock);
    }

    private static MapSession saved(MongoWebSessions sessions, String attribute, Object value) {
        MapSession session = sessions.createSession().block();
        session.setAttribute(attribute, value);
        sessions.save(session).block();
        return session;
    }

    private Document stored(String id) {
        return Mono.from(collection.find(Filters.eq("_id", id)).first()).block();
    }

    @Test
    @DisplayName("R-ACC-8 a session one gateway stored is known to another, or to the same one restarted: what it holds, accessed now")
    void knownToEveryInstance() {
        MapSession session = saved(gateway(), "SPRING_SECURITY_CONTEXT", List.of("ana@example.com", 42));
        clock.advance(Duration.ofMinutes(10));

        MapSession found = gateway().findById(session.getId()).block();

        assertThat(found).isNotNull();
        assertThat(found.<List<Object>>getAttribute("SPRING_SECURITY_CONTEXT")).containsExactly("ana@example.com", 42);
        assertThat(found.getLastAccessedTime()).isEqualTo(clock.instant());
        assertThat(found.getMaxInactiveInterval()).isEqualTo(IDLE);
        assertThat(gateway().findById("no-such-session").block()).isNull();
    }

    @Test
    @DisplayName("R-ACC-8 the new id a session takes at sign-in replaces the old one, which no instance knows any more")
    void newIdAtSignIn() {
        MongoWebSessions sessions = gateway();
        MapSession session = saved(sessions, "state", "abc");
        String before = session.getId();

        session.changeSessionId();
        sessions.save(session).block();

        assertThat(gateway().findById(before).block()).isNull();
        assertThat(sessions.findById(before).block()).isNull();
        assertThat(gateway().findById(session.getId()).block()).isNotNull();
    }

    @Test
    @DisplayName("R-ACC-8 a session ended (signed out) stays ended: the save that closes its request does not store it again")
    void endedStaysEnded() {
        MongoWebSessions sessions = gateway();
        MapSession session = saved(sessions, "tokens", "of the traveller");

        sessions.deleteById(session.getId()).block();
        sessions.save(session).block();

        assertThat(stored(session.getId())).isNull();
        assertThat(gateway().findById(session.getId()).block()).isNull();
    }

    @Test
    @DisplayName("R-ACC-8 a session idle for 30 minutes is over: not found, and removed from MongoDB by the periodic clean-up")
    void idleSessionEnds() {
        MapSession idle = saved(gateway(), "state", "abc");
        clock.advance(Duration.ofMinutes(20));
        MapSession active = saved(gateway(), "state", "def");
        clock.advance(Duration.ofMinutes(11));

        assertThat(gateway().findById(idle.getId()).block()).isNull();
        assertThat(gateway().removeExpired().block()).isEqualTo(1);
        assertThat(stored(idle.getId())).isNull();
        assertThat(stored(active.getId())).isNotNull();
        assertThat(gateway().findById(active.getId()).block()).isNotNull();
    }

    @Test
    @DisplayName("a session is written when what it holds changes, and otherwise once a minute to move its expiry on; read once per burst of calls")
    void writtenWhenItMatters() {
        MongoWebSessions sessions = gateway();
        MapSession session = saved(sessions, "state", "abc");
        Instant created = clock.instant();

        clock.advance(Duration.ofSeconds(30));
        sessions.save(sessions.findById(session.getId()).block()).block();
        assertThat(stored(session.getId()).getDate("lastAccessedAt").toInstant()).isEqualTo(created);

        clock.advance(Duration.ofSeconds(31));
        sessions.save(sessions.findById(session.getId()).block()).block();
        assertThat(stored(session.getId()).getDate("lastAccessedAt").toInstant()).isEqualTo(clock.instant());

        clock.advance(Duration.ofSeconds(10));
        MapSession changed = sessions.findById(session.getId()).block();
        changed.setAttribute("state", "signed in");
        sessions.save(changed).block();
        assertThat(gateway().findById(session.getId()).block().<String>getAttribute("state")).isEqualTo("signed in");

        // Spring Security keeps the tokens in a map it changes in place: a refreshed token is written at once
        clock.advance(Duration.ofSeconds(1));
        MapSession signedIn = sessions.findById(session.getId()).block();
        signedIn.setAttribute("tokens", new HashMap<>(Map.of("keycloak", "first")));
        sessions.save(signedIn).block();
        MapSession refreshed = sessions.findById(session.getId()).block();
        refreshed.<Map<String, String>>getAttribute("tokens").put("keycloak", "refreshed");
        sessions.save(refreshed).block();
        assertThat(gateway().findById(session.getId()).block().<Map<String, String>>getAttribute("tokens"))
                .containsEntry("keycloak", "refreshed");

        // another instance's sign-out is seen here once this instance reads the session again
        gateway().deleteById(session.getId()).block();
        assertThat(sessions.findById(session.getId()).block()).isNotNull();
        clock.advance(MongoWebSessions.READ_AGAIN_AFTER);
        assertThat(sessions.findById(session.getId()).block()).isNull();
    }

    @Test
    @DisplayName("MongoDB down: a session this gateway holds goes on being served and is stored once MongoDB is back; one it does not hold is a 503, not a 500")
    void mongoDown() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        MongoWebSessions first;
        MapSession held;
        String other;
        try (MongoClient mongo = client(uri)) {
            MongoCollection<Document> sessions = mongo.getDatabase("gateway").getCollection("sessions");
            first = new MongoWebSessions(sessions, IDLE, clock);
            held = saved(first, "state", "abc");
            other = saved(new MongoWebSessions(sessions, IDLE, clock), "state", "xyz").getId();
            server.shutdownNow();
            clock.advance(Duration.ofMinutes(2));

            MapSession served = first.findById(held.getId()).block();
            assertThat(served).isNotNull();
            served.setAttribute("state", "changed while MongoDB was down");
            first.save(served).block();
            assertThatThrownBy(() -> first.findById(other).block())
                    .isInstanceOfSatisfying(ResponseStatusException.class,
                            e -> assertThat(e.getStatusCode().value()).isEqualTo(503));

            server = new MongoServer(new MemoryBackend());
            server.bind(address.getHostString(), address.getPort());
            clock.advance(Duration.ofSeconds(10));
            first.save(first.findById(held.getId()).block()).block();
            MapSession stored = new MongoWebSessions(sessions, IDLE, clock).findById(held.getId()).block();
            assertThat(stored.<String>getAttribute("state")).isEqualTo("changed while MongoDB was down");
        } finally {
            server.shutdownNow();
        }
    }
}
