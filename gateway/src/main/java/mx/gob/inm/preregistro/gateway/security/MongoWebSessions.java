package mx.gob.inm.preregistro.gateway.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The browsers' sessions (who signed in, their tokens, a sign-in under way) in MongoDB's {@code sessions}
 * collection, so that any gateway instance knows them, and one that restarts forgets nobody. Each instance also holds
 * the sessions it served lately:
 * <ul>
 * <li>A session it read less than {@link #READ_AGAIN_AFTER} ago is not read again: a page's burst of calls costs one
 * read. Another instance's change (a sign-out there) is seen here at the latest that long after; the Ingress keeps
 * each browser on one instance anyway. At most {@link #MAX_HELD} sessions are held; past that, MongoDB alone.</li>
 * <li>A session is written when what it holds changes, and otherwise only once per {@link #WRITE_ACCESS_EVERY} to
 * move its expiry on: its idle limit counts from the last write, up to that much early.</li>
 * <li>While MongoDB does not answer, a session held here goes on being served; one changed meanwhile is written at
 * its first save once MongoDB is back. A session not held here is a 503 problem, and a sign-in cannot start.</li>
 * </ul>
 * An expired session is forgotten when asked for, and removed from the collection by {@link #removeExpired()}. What a
 * session holds is stored with Java serialization and read back only as the JDK's, Spring's and the JWT library's
 * classes; one that no longer reads (a new version of them) is no session: its browser signs in again.
 */
final class MongoWebSessions implements ReactiveSessionRepository<MapSession> {

    static final Duration READ_AGAIN_AFTER = Duration.ofSeconds(5);
    static final Duration WRITE_ACCESS_EVERY = Duration.ofMinutes(1);
    /** A session held here and not asked for this long is forgotten here (MongoDB still has it). */
    static final Duration FORGET_UNUSED_AFTER = Duration.ofMinutes(5);
    /** At most this many sessions held in memory (some tens of MB), whatever the number of browsers. */
    static final int MAX_HELD = 10_000;

    private static final Logger log = LoggerFactory.getLogger(MongoWebSessions.class);
    private static final ObjectInputFilter READABLE = ObjectInputFilter.Config.createFilter(
            "maxbytes=1000000;maxdepth=40;java.**;org.springframework.**;com.nimbusds.**;!*");

    private final MongoCollection<Document> sessions;
    private final Duration maxIdle;
    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    /** Sessions ended here lately, and when: the request that ended one saves it as it closes, not to bring it back. */
    private final Map<String, Instant> ended = new ConcurrentHashMap<>();

    /**
     * A session as this instance last read or wrote it: the objects it held ({@link #contents}), when it was last
     * written, and when read.
     */
    private record Held(MapSession session, List<Object> contents, Instant written, Instant read) {

        /** Changed while MongoDB did not answer: this copy is the newest, and is written at the next save. */
        boolean unstored() {
            return Instant.EPOCH.equals(written);
        }
    }

    MongoWebSessions(MongoCollection<Document> sessions, Duration maxIdle, Clock clock) {
        this.sessions = sessions;
        this.maxIdle = maxIdle;
        this.clock = clock;
    }

    @Override
    public Mono<MapSession> createSession() {
        return Mono.fromSupplier(() -> {
            MapSession session = new MapSession();
            session.setCreationTime(clock.instant());
            session.setLastAccessedTime(session.getCreationTime());
            session.setMaxInactiveInterval(maxIdle);
            return session;
        });
    }

    /** The session, accessed now; none if it never existed, expired or no longer reads. */
    @Override
    public Mono<MapSession> findById(String id) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Held local = held.get(id);
            if (local != null && (now.isBefore(local.read().plus(READ_AGAIN_AFTER)) || local.unstored())) {
                return Mono.justOrEmpty(accessed(id, local, now));
            }
            return Mono.from(sessions.find(Filters.eq("_id", id)).first())
                    .flatMap(document -> Mono.justOrEmpty(decoded(document, now)))
                    .doOnNext(read -> hold(id, read))
                    .flatMap(read -> Mono.justOrEmpty(accessed(id, read, now)))
                    .switchIfEmpty(Mono.fromRunnable(() -> held.remove(id)))
                    .onErrorResume(MongoException.class, e -> unreachable(id, local, now, e));
        });
    }

    @Override
    public Mono<Void> save(MapSession session) {
        return Mono.defer(() -> {
            if (ended.containsKey(session.getId())) {
                return Mono.empty();
            }
            Instant now = clock.instant();
            List<Object> contents = contents(session);
            Mono<Void> renamed = Mono.empty();
            if (!session.getId().equals(session.getOriginalId())) {   // a new id at sign-in (session fixation)
                renamed = deleteById(session.getOriginalId());
            }
            Held before = held.get(session.getId());
            boolean unchanged = before != null && same(before.contents(), contents)
                    && before.session().getMaxInactiveInterval().equals(session.getMaxInactiveInterval())
                    && session.getLastAccessedTime().isBefore(before.written().plus(WRITE_ACCESS_EVERY));
            if (unchanged) {
                hold(session.getId(), new Held(new MapSession(session), contents, before.written(), before.read()));
                return renamed;
            }
            return renamed.then(Mono.from(sessions.replaceOne(Filters.eq("_id", session.getId()),
                            document(session, serialized(session)), new ReplaceOptions().upsert(true))))
                    .doOnNext(written -> hold(session.getId(),
                            new Held(new MapSession(session), contents, session.getLastAccessedTime(), now)))
                    .onErrorResume(MongoException.class, e -> {
                        log.warn("Session not stored, kept by this gateway until MongoDB answers: {}", e.toString());
                        hold(session.getId(), new Held(new MapSession(session), contents, Instant.EPOCH, now));
                        return Mono.empty();
                    })
                    .then();
        });
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return Mono.defer(() -> {
            held.remove(id);
            ended.put(id, clock.instant());
            return Mono.from(sessions.deleteOne(Filters.eq("_id", id)))
                    .onErrorResume(MongoException.class, e -> {
                        log.warn("Session ended here but not removed from MongoDB (it expires there): {}",
                                e.toString());
                        return Mono.empty();
                    })
                    .then();
        });
    }

    /** The index that finds the expired sessions ({@link #removeExpired()}), made if missing. */
    Mono<Void> indexExpiry() {
        return Mono.from(sessions.createIndex(Indexes.ascending("expiresAt"))).then();
    }

    /** Removes the sessions whose idle limit has passed, from the collection and from this instance. */
    Mono<Long> removeExpired() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            held.entrySet().removeIf(entry -> expired(entry.getValue().session(), now)
                    || now.isAfter(entry.getValue().read().plus(FORGET_UNUSED_AFTER)));
            ended.values().removeIf(when -> now.isAfter(when.plus(WRITE_ACCESS_EVERY)));
            return Mono.from(sessions.deleteMany(Filters.lt("expiresAt", Date.from(now))))
                    .map(result -> result.getDeletedCount());
        });
    }

    /** Keeps a session here, unless {@link #MAX_HELD} others are held already (then MongoDB alone has it). */
    private void hold(String id, Held session) {
        if (held.size() < MAX_HELD || held.containsKey(id)) {
            held.put(id, session);
        }
    }

    private MapSession accessed(String id, Held read, Instant now) {
        if (expired(read.session(), now)) {
            held.remove(id);
            return null;
        }
        MapSession session = new MapSession(read.session());
        session.setLastAccessedTime(now);
        return session;
    }

    private Mono<MapSession> unreachable(String id, Held local, Instant now, MongoException e) {
        if (local != null) {
            log.warn("MongoDB did not answer; a session this gateway holds is served from memory: {}", e.toString());
            hold(id, new Held(local.session(), local.contents(), local.written(), now));   // asked again later
            return Mono.justOrEmpty(accessed(id, local, now));
        }
        return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "The session store (MongoDB) does not answer", e));
    }

    private static boolean expired(MapSession session, Instant now) {
        Duration idle = session.getMaxInactiveInterval();
        return !idle.isNegative() && now.isAfter(session.getLastAccessedTime().plus(idle));
    }

    private static Document document(MapSession session, byte[] attributes) {
        Instant expiresAt = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
        return new Document("_id", session.getId())
                .append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                .append("maxIdleSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expiresAt", Date.from(expiresAt))
                .append("attributes", new Binary(attributes));
    }

    private static Held decoded(Document document, Instant now) {
        Map<String, Object> attributes;
        byte[] stored = document.get("attributes", Binary.class).getData();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(READABLE);
            @SuppressWarnings("unchecked")
            Map<String, Object> read = (Map<String, Object>) in.readObject();
            attributes = read;
        } catch (InvalidClassException | ClassNotFoundException | ClassCastException e) {
            log.info("A stored session no longer reads ({}); its browser signs in again", e.toString());
            return null;
        } catch (IOException e) {
            log.warn("A stored session cannot be read; its browser signs in again: {}", e.toString());
            return null;
        }
        MapSession session = new MapSession(document.getString("_id"));
        session.setCreationTime(document.getDate("createdAt").toInstant());
        session.setLastAccessedTime(document.getDate("lastAccessedAt").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(((Number) document.get("maxIdleSeconds")).longValue()));
        attributes.forEach(session::setAttribute);
        return new Held(session, contents(session), session.getLastAccessedTime(), now);
    }

    /**
     * What a session holds, as the objects themselves: each attribute's name and value, and a map's entries (Spring
     * Security keeps the tokens in a map it changes in place). Equal element by element ({@link #same}) when nothing
     * was replaced, added or removed; a change deeper inside an object is written with the minute's write.
     */
    private static List<Object> contents(MapSession session) {
        List<Object> contents = new ArrayList<>();
        for (String name : new TreeSet<>(session.getAttributeNames())) {
            Object value = session.getAttribute(name);
            contents.add(name);
            contents.add(value);
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, entry) -> {
                    contents.add(key);
                    contents.add(entry);
                });
            }
        }
        return contents;
    }

    private static boolean same(List<Object> before, List<Object> now) {
        if (before.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (before.get(i) != now.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] serialized(MapSession session) {
        Map<String, Object> attributes = new HashMap<>();
        session.getAttributeNames().forEach(name -> attributes.put(name, session.getAttribute(name)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attributes);
        } catch (IOException e) {
            throw new IllegalStateException("A session attribute cannot be stored: " + e, e);
        }
        return bytes.toByteArray();
    }
}
