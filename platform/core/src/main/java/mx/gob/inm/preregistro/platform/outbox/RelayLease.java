package mx.gob.inm.preregistro.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A time-limited right, stored in MongoDB, to do one job: relay one collection's outbox ({@code outbox:<collection>}),
 * or run one of the service's scheduled jobs ({@code job:<name>}). Only one instance of a service holds a given lease
 * at a time; it renews it on each use and loses it when it stops renewing.
 * Taking or renewing is one atomic {@code findAndModify} on a document whose {@code _id} is the job name:
 * either the lease has expired, or this instance already holds it; otherwise the upsert collides on {@code _id}.
 */
public class RelayLease {

    static final String COLLECTION = "leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String owner;

    public RelayLease(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, UUID.randomUUID().toString());
    }

    RelayLease(MongoTemplate mongo, Clock clock, String owner) {
        this.mongo = mongo;
        this.clock = clock;
        this.owner = owner;
    }

    /** Takes or renews the lease on {@code job} until now + {@code duration}; false when another instance holds it. */
    public boolean acquire(String job, Duration duration) {
        return takeUntil(job, duration) != null;
    }

    /**
     * Takes or renews the lease like {@link #acquire}, for a job that may outlast it: the {@link HeldLease} knows
     * when it runs out and renews it on the way ({@link HeldLease#keepFor}).
     */
    public Optional<HeldLease> take(String job, Duration duration) {
        return Optional.ofNullable(takeUntil(job, duration))
                .map(expiresAt -> new HeldLease(this, job, duration, clock, expiresAt));
    }

    /** Takes or renews the lease; returns when it runs out, or null when another instance holds it. */
    Instant takeUntil(String job, Duration duration) {
        Instant now = clock.instant();
        Document current = mongo.findById(job, Document.class, COLLECTION);
        if (current != null && !owner.equals(current.getString("owner"))
                && current.getDate("expiresAt").toInstant().isAfter(now)) {
            return null;
        }
        Instant expiresAt = now.plus(duration);
        Query free = Query.query(Criteria.where("_id").is(job).orOperator(
                Criteria.where("expiresAt").lt(Date.from(now)),
                Criteria.where("owner").is(owner)));
        Update take = new Update().set("owner", owner).set("expiresAt", Date.from(expiresAt));
        try {
            Document held = mongo.findAndModify(free, take,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            return held != null && owner.equals(held.getString("owner")) ? expiresAt : null;
        } catch (DuplicateKeyException takenMeanwhile) {
            return null;
        }
    }

    public String owner() {
        return owner;
    }
}
