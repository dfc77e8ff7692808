package mx.gob.inm.preregistro.platform.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;

import mx.gob.inm.preregistro.platform.problem.ProblemException;

/**
 * The accounts their holders closed (R-ENT-5), as each service learnt from {@code AccountClosed}: only the account's
 * id and when, in the service's {@code closed_accounts}. A closed account's access token stays valid until it
 * expires (minutes), on another device of the traveller too; what a service erased at the closure must not come
 * back through it, so a service asks {@link #requireOpen} before it takes new personal data or decides anything for
 * an account, and refuses a closed one with the {@code 403} problem {@code account_closed}.
 */
public class ClosedAccounts {

    static final String COLLECTION = "closed_accounts";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ClosedAccounts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Remembers the account closed; closing it again changes nothing. */
    public void close(String accountId) {
        mongo.upsert(query(where("_id").is(accountId)), new Update().setOnInsert("closedAt", clock.instant()),
                COLLECTION);
    }

    public boolean isClosed(String accountId) {
        return mongo.findById(accountId, Document.class, COLLECTION) != null;
    }

    /** Refuses a closed account: the {@code 403} problem {@code account_closed}. */
    public void requireOpen(String accountId) {
        if (isClosed(accountId)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "account_closed");
        }
    }
}
