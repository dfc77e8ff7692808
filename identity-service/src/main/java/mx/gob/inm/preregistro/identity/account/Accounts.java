package mx.gob.inm.preregistro.identity.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.quota.Quota;
import mx.gob.inm.preregistro.platform.quota.StoredQuota;

/** The {@code accounts} collection; every state change and its outbox entries go in one document write. */
@Repository
public class Accounts {

    private static final String TOKEN_HASH = "activation.tokenHash";
    private static final String RESET_HASH = "passwordReset.tokenHash";

    private final MongoTemplate mongo;
    /** The e-mails anyone can cause, in the account's document: {@code requestedMailsAt} and its counter. */
    private final StoredQuota requestedMails;

    public Accounts(MongoTemplate mongo) {
        this.mongo = mongo;
        this.requestedMails = new StoredQuota(mongo, Account.COLLECTION, "requestedMailsAt");
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
     * write, as one of the e-mails a day anyone can cause (see {@link #recordRequestedMail}).
     */
    public boolean renewActivation(Account account, OutboxEntry event, Instant now, int perDay) {
        return recordRequestedMail(account, new Update().set("activation", account.activation()), event, now, perDay);
    }

    /**
     * Stores a new password reset link (replacing any earlier one, R-ACC-7 a) with its event in one write, as one of
     * the e-mails a day anyone can cause (see {@link #recordRequestedMail}).
     */
    public boolean requestPasswordReset(Account account, OutboxEntry event, Instant now, int perDay) {
        return recordRequestedMail(account, new Update().set("passwordReset", account.passwordReset()), event, now,
                perDay);
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
     * Adds the event of an e-mail someone else caused to the account's outbox; creates the document of an adopted
     * account. See {@link #recordRequestedMail(Account, Update, OutboxEntry, Instant, int)}.
     */
    public boolean recordRequestedMail(Account account, OutboxEntry event, Instant now, int perDay) {
        return recordRequestedMail(account, new Update(), event, now, perDay);
    }

    /**
     * {@code changes} and the event of an e-mail that anyone who knows the address can cause (a new activation link,
     * a password reset link, "someone registered your address", R-ACC-7), in one write, only while the account has
     * had fewer than {@code perDay} of them in 24 hours: each needs a captcha and the gateway limits them per client
     * address, not per recipient, so from many addresses one mailbox could be flooded. The times are kept in the
     * account's document by the platform's {@link StoredQuota}, exact for simultaneous requests too. False when the
     * day's e-mails are used, or simultaneous requests kept winning the write: nothing is sent then.
     */
    private boolean recordRequestedMail(Account account, Update changes, OutboxEntry event, Instant now, int perDay) {
        Update with = changes.setOnInsert("email", account.email()).setOnInsert("language", account.language())
                .setOnInsert("givenNames", account.givenNames()).push(OutboxEntry.FIELD, event);
        try {
            return requestedMails.take(account.id(), Quota.perDay(perDay), now, with).isEmpty();
        } catch (ProblemException keptLosing) {
            // concurrent_change: answered like any other request, so that nothing tells the account exists
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
