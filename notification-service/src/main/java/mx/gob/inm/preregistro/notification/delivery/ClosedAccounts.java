package mx.gob.inm.preregistro.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The accounts their holders closed (R-ENT-5). Closing one erases the address of every mail this service sent it,
 * and the mail server's last answer about each (which may quote the address); what is kept of each mail is what was
 * sent, when, and its outcome. A closed account gets no more mail: an FMME issued just before the closure and handled
 * after it is not mailed, since its link leads to an account that no longer exists.
 *
 * <p>What remains: a mail recorded in the milliseconds between {@link #isClosed} and {@link #close} keeps its
 * address.
 */
@Service
public class ClosedAccounts {

    static final String COLLECTION = "closed_accounts";
    private static final String ACCOUNT = "accountId";

    private final MongoTemplate mongo;
    private final Clock clock;

    ClosedAccounts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(Notification.class).createIndex(new Index(ACCOUNT, Sort.Direction.ASC));
    }

    /** Remembers the account closed, then erases the addresses of its mails; running it again changes nothing. */
    public void close(String accountId) {
        mongo.upsert(query(where("_id").is(accountId)), new Update().setOnInsert("closedAt", clock.instant()),
                COLLECTION);
        mongo.updateMulti(query(where(ACCOUNT).is(accountId)), new Update().unset("recipient").unset("lastError"),
                Notification.class);
    }

    public boolean isClosed(String accountId) {
        return mongo.findById(accountId, Document.class, COLLECTION) != null;
    }
}
