package mx.gob.inm.preregistro.identity.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;

/** The {@code accounts} collection; every state change and its outbox entries go in one document write. */
@Repository
public class Accounts {

    private static final String TOKEN_HASH = "activation.tokenHash";
    private static final String RESET_HASH = "passwordReset.tokenHash";
    private static final String REQUESTED_MAILS = "requestedMailsAt";
    private static final String REQUESTED_MAILS_COUNT = "requestedMailsCount";

    private final MongoTemplate mongo;

    public Accounts(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Account.COLLECTION).createIndex(new Index(TOKEN_HASH, Sort.Direction.ASC).sparse());
        mongo.indexOps(Account.COLLECTION).createIndex(new Index(RESET_HASH, Sort.Direction.ASC).sparse());
    }

    public void insert(Account account) {
        mongo.insert(account, Account.COLLECTION);
    }

    public Optional<Account> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Account.class, Account.COLLECTION));
    }

    public Optional<Account> findByActivationTokenHash(String tokenHash) {
        return Optional.ofNullable(mongo.findOne(query(where(TOKEN_HASH).is(tokenHash)), Account.class,
                Account.COLLECTION));
    }

    public Optional<Account> findByPasswordResetTokenHash(String tokenHash) {
        return Optional.ofNullable(mongo.findOne(query(where(RESET_HASH).is(tokenHash)), Account.class,
                Account.COLLECTION));
    }

    /**
     * Stores a new activation link (replacing the old one, whose link stops working, R-ACC-7 b) with its event in one
     * write; creates the document of an adopted account. False when a simultaneous request took the e-mail first.
     */
    public boolean renewActivation(Account account, OutboxEntry event) {
        return recordRequestedMail(account, new Update().set("activation", account.activation()), event);
    }

    /**
     * Stores a new password reset link (replacing any earlier one, R-ACC-7 a) with its event in one write. False
     * when a simultaneous request took the e-mail first.
     */
    public boolean requestPasswordReset(Account account, OutboxEntry event) {
        return recordRequestedMail(account, new Update().set("passwordReset", account.passwordReset()), event);
    }

    /** Marks the reset link used only if it still is unused (atomic), with {@code PasswordChanged}. */
    public boolean markPasswordReset(String id, String tokenHash, Instant usedAt, OutboxEntry event) {
        return mongo.updateFirst(
                query(where("_id").is(id).and(RESET_HASH).is(tokenHash).and("passwordReset.used").is(false)),
                new Update().set("passwordReset.used", true).set("passwordReset.usedAt", usedAt)
                        .push(OutboxEntry.FIELD, event),
                Account.COLLECTION).getModifiedCount() == 1;
    }

    /** Marks the link used only if it still is unused (atomic); false when another request used it first. */
    public boolean markActivated(String id, String tokenHash, Instant usedAt, OutboxEntry event) {
        return mongo.updateFirst(
                query(where("_id").is(id).and(TOKEN_HASH).is(tokenHash).and("activation.used").is(false)),
                new Update().set("activation.used", true).set("activation.usedAt", usedAt)
                        .push(OutboxEntry.FIELD, event),
                Account.COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Adds the event of an e-mail someone else caused (see {@link Account#takeRequestedMail}) to the account's outbox,
     * with the times of those e-mails; creates the document of an adopted account. False when a simultaneous request
     * took the e-mail first.
     */
    public boolean recordRequestedMail(Account account, OutboxEntry event) {
        return recordRequestedMail(account, new Update(), event);
    }

    /**
     * {@code changes} with the times of the requested e-mails and the event, in one write (an upsert, as above),
     * only if no other request wrote those times since the account was read: otherwise false, and nothing changes.
     */
    private boolean recordRequestedMail(Account account, Update changes, OutboxEntry event) {
        Long counted = account.requestedMailsCount();
        try {
            UpdateResult result = mongo.upsert(
                    query(where("_id").is(account.id()).and(REQUESTED_MAILS_COUNT).is(counted)),
                    changes.set(REQUESTED_MAILS, account.requestedMailsAt())
                            .set(REQUESTED_MAILS_COUNT, counted == null ? 1L : counted + 1)
                            .setOnInsert("email", account.email()).setOnInsert("language", account.language())
                            .setOnInsert("givenNames", account.givenNames())
                            .push(OutboxEntry.FIELD, event),
                    Account.COLLECTION);
            return result.getMatchedCount() == 1 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException changedMeanwhile) {
            // the account exists and another request wrote its e-mails first: the upsert tried a second document
            return false;
        }
    }

    /** Adds an event to the account's outbox, creating a minimal document for a user made outside this service. */
    public void recordEvent(String id, String email, Language language, OutboxEntry event) {
        mongo.upsert(query(where("_id").is(id)),
                new Update().setOnInsert("email", email).setOnInsert("language", language)
                        .push(OutboxEntry.FIELD, event),
                Account.COLLECTION);
    }

    /**
     * Closes the account (R-ENT-5): erases the personal data kept here and records {@code AccountClosed}, in one
     * write; creates the document of a user made outside this service. What remains is the id and the closing time.
     */
    public void close(String id, Instant closedAt, OutboxEntry event) {
        mongo.upsert(query(where("_id").is(id)),
                new Update().set("closedAt", closedAt).unset("email").unset("givenNames").unset("firstSurname")
                        .unset("activation").unset("passwordReset").push(OutboxEntry.FIELD, event),
                Account.COLLECTION);
    }
}
