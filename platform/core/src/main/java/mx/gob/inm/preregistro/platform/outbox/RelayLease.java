package mx.gob.inm.preregistro.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
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
    public boolean acquire(String job, java.time.Duration duration) {
        Instant now = clock.instant();
        Document current = mongo.findById(job, Document.class, COLLECTION);
        if (current != null && !owner.equals(current.getString("owner"))
                && current.getDate("expiresAt").toInstant().isAfter(now)) {
            return false;
        }
        Query free = Query.query(Criteria.where("_id").is(job).orOperator(
                Criteria.where("expiresAt").lt(Date.from(now)),
                Criteria.where("owner").is(owner)));
        Update take = new Update().set("owner", owner).set("expiresAt", Date.from(now.plus(duration)));
        try {
            Document held = mongo.findAndModify(free, take,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            return held != null && owner.equals(held.getString("owner"));
        } catch (DuplicateKeyException takenMeanwhile) {
            return false;
        }
    }

    public String owner() {
        return owner;
    }
}
