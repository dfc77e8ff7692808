package mx.gob.inm.preregistro.platform.quota;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;

import com.mongodb.client.result.UpdateResult;

import mx.gob.inm.preregistro.platform.problem.ProblemException;

/**
 * A {@link Quota} per key, kept in the key's document of {@code collection} (made when missing): the times in
 * {@code field}, and a counter {@code field + "Count"} that a write must find as it was read. So simultaneous calls
 * of one key never take more than the limit between them, on any instance; a call that keeps losing that race is a
 * 409 {@code concurrent_change}.
 */
public final class StoredQuota {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final String collection;
    private final String field;
    private final String count;

    public StoredQuota(MongoTemplate mongo, String collection, String field) {
        this.mongo = mongo;
        this.collection = collection;
        this.field = field;
        this.count = field + "Count";
    }

    /** Takes one use of {@code key} at {@code now}; empty when taken, otherwise how long until one is free. */
    public Optional<Duration> take(String key, Quota quota, Instant now) {
        return take(key, quota, now, new Update());
    }

    /**
     * Takes one use of {@code key} at {@code now} with {@code with}, the change the use is for (an event in the
     * outbox, say), in the same write: written only when the use is taken.
     */
    public Optional<Duration> take(String key, Quota quota, Instant now, Update with) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = mongo.findById(key, Document.class, collection);
            List<Instant> times = new ArrayList<>(stored == null ? List.of()
                    : stored.getList(field, Date.class, List.of()).stream().map(Date::toInstant).toList());
            Optional<Duration> wait = quota.take(times, now);
            if (wait.isPresent()) {
                return wait;
            }
            Number counted = stored == null ? null : stored.get(count, Number.class);
            Update update = with.set(field, times.stream().map(Date::from).toList())
                    .set(count, counted == null ? 1L : counted.longValue() + 1);
            try {
                UpdateResult result = mongo.upsert(query(where("_id").is(key).and(count).is(counted)), update,
                        collection);
                if (result.getMatchedCount() == 1 || result.getUpsertedId() != null) {
                    return Optional.empty();
                }
            } catch (DuplicateKeyException changedMeanwhile) {
                // another call of the key took a use first: read again
            }
        }
        throw new ProblemException(HttpStatus.CONFLICT, "concurrent_change");
    }

    /**
     * Gives back the use of {@code key} that {@link #take} took at {@code taken}, for a call that then did not
     * happen. A give-back that keeps losing the race to simultaneous calls leaves the use taken: the limit errs on
     * the safe side.
     */
    public void giveBack(String key, Instant taken) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = mongo.findById(key, Document.class, collection);
            if (stored == null) {
                return;
            }
            List<Date> times = new ArrayList<>(stored.getList(field, Date.class, List.of()));
            if (!times.remove(Date.from(taken))) {
                return;
            }
            Number counted = stored.get(count, Number.class);
            Update update = new Update().set(field, times).set(count, counted == null ? 1L : counted.longValue() + 1);
            if (mongo.updateFirst(query(where("_id").is(key).and(count).is(counted)), update, collection)
                    .getMatchedCount() == 1) {
                return;
            }
        }
    }
}
