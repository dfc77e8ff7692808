package mx.gob.inm.preregistro.preregistration.registration;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import mx.gob.inm.preregistro.contracts.preregistration.PreRegistrationVariant;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;

/**
 * The {@code preregistrations} collection. A change is one conditional update of one document: the state fields
 * and the new outbox entries together, only if the document is still at the version and status it was read at
 * (optimistic), never a whole-document replace (the outbox relay pulls entries from the same document). The
 * {@code approved_entries} collection holds, per document and entry date, the one approved pre-registration
 * (R-PRE-10): its key makes "exactly one" hold even under simultaneous submissions.
 */
@Repository
public class PreRegistrations {

    static final String APPROVED_ENTRIES = "approved_entries";

    private final MongoTemplate mongo;

    public PreRegistrations(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(PreRegistration.COLLECTION).createIndex(new Index("accountId", Sort.Direction.ASC));
        // a document's rejections (R-PRE-9), asked twice a submission: a frequent traveller's passport has dozens of
        // pre-registrations, few of them rejected
        mongo.indexOps(PreRegistration.COLLECTION).createIndex(new Index("documentId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC));
    }

    void insert(PreRegistration draft) {
        mongo.execute(PreRegistration.COLLECTION,
                collection -> collection.insertOne(PreRegistrationDocument.inserted(draft)));
    }

    /** The pre-registration if {@code accountId} owns it; another traveller's is not found (404). */
    public Optional<PreRegistration> owned(String id, String accountId) {
        return one(new Document("_id", id).append("accountId", accountId));
    }

    Optional<PreRegistration> findById(String id) {
        return one(new Document("_id", id));
    }

    /**
     * The document {@code filter} finds, as the aggregate. Every call of a traveller reads its draft, so the filter
     * goes to the collection as written (plain strings, no field renamed) instead of through the template's query
     * mapping, a seventh of the read's time; the template still translates a failure of the database.
     */
    private Optional<PreRegistration> one(Document filter) {
        return Optional.ofNullable(mongo.execute(PreRegistration.COLLECTION, collection -> collection.find(filter)
                .first())).map(PreRegistrationDocument::read);
    }

    /**
     * The newest draft of {@code accountId} for this document and variant once it has {@code limit} of them not
     * submitted yet; empty while it has fewer.
     */
    Optional<PreRegistration> newestDraftAtLimit(String accountId, String documentId, PreRegistrationVariant variant,
            int limit) {
        // a find, not a count: the MongoDB-wire server counts with an aggregation, which reads the whole collection
        List<Document> drafts = mongo.find(query(where("documentId").is(documentId)
                        .and("status").is(PreRegistration.Status.DRAFT).and("accountId").is(accountId)
                        .and("variant").is(variant)).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
                Document.class, PreRegistration.COLLECTION);
        return drafts.size() < limit ? Optional.empty() : Optional.of(PreRegistrationDocument.read(drafts.get(0)));
    }

    /** Every pre-registration of an account, newest first (the history, R-PRE-11). */
    public List<PreRegistration> ofAccount(String accountId) {
        return mongo.find(query(where("accountId").is(accountId)).with(Sort.by(Sort.Direction.DESC, "createdAt")),
                Document.class, PreRegistration.COLLECTION).stream().map(PreRegistrationDocument::read).toList();
    }

    /** The drafts of a document, whoever made them. */
    List<PreRegistration> draftsOf(String documentId) {
        return mongo.find(query(where("documentId").is(documentId).and("status").is(PreRegistration.Status.DRAFT)),
                Document.class, PreRegistration.COLLECTION).stream().map(PreRegistrationDocument::read).toList();
    }

    /** The latest rejection of this document whose retry block still holds at {@code now} (R-PRE-9). */
    Optional<PreRegistration> blockingRejection(String documentId, Instant now) {
        return Optional.ofNullable(mongo.findOne(query(where("documentId").is(documentId)
                        .and("status").is(PreRegistration.Status.REJECTED).and("retryBlockedUntil").gt(now))
                        .with(Sort.by(Sort.Direction.DESC, "retryBlockedUntil")),
                Document.class, PreRegistration.COLLECTION)).map(PreRegistrationDocument::read);
    }

    /**
     * Writes the aggregate's state and its new events in one update, if nobody changed it since it was read at
     * {@code expectedVersion} with {@code expectedStatus}, and then gives {@code changed} its new version. Returns
     * false when someone did (nothing is written).
     */
    boolean update(PreRegistration changed, long expectedVersion, PreRegistration.Status expectedStatus,
            List<OutboxEntry> events) {
        Document state = PreRegistrationDocument.state(changed);
        state.put("version", expectedVersion + 1);
        // the state is converted already: the update goes to the collection as it is, not mapped a second time
        Document update = new Document("$set", state);
        if (!events.isEmpty()) {
            update.append("$push", new Document(OutboxEntry.FIELD, new Document("$each",
                    events.stream().map(mongo.getConverter()::convertToMongoType).toList())));
        }
        Document filter = new Document("_id", changed.id()).append("version", expectedVersion)
                .append("status", expectedStatus.name());
        boolean written = mongo.execute(PreRegistration.COLLECTION, collection -> collection.updateOne(filter, update))
                .getModifiedCount() == 1;
        if (written) {
            changed.stored(expectedVersion + 1);
        }
        return written;
    }

    /** Removes a draft that was never submitted (it has no events); false when it is no longer a draft. */
    boolean deleteDraft(String id) {
        return mongo.remove(query(where("_id").is(id).and("status").is(PreRegistration.Status.DRAFT)),
                PreRegistration.COLLECTION).getDeletedCount() == 1;
    }

    /**
     * Erases the e-mail address each of the account's pre-registrations kept to send its form (R-ENT-5). It is a change
     * like any other: a new version, so that an update prepared from the state before it fails and starts again.
     */
    void eraseEmails(String accountId) {
        mongo.updateMulti(query(where("accountId").is(accountId).and("email").exists(true)),
                new Update().unset("email").inc("version", 1), PreRegistration.COLLECTION);
    }

    /**
     * Makes {@code preregistrationId} the approved pre-registration of its document and entry date, atomically;
     * returns the one it displaced, to cancel.
     */
    Optional<String> claimEntryDate(String documentId, LocalDate entryDate, String preregistrationId) {
        Document previous = mongo.findAndModify(query(where("_id").is(documentId + ":" + entryDate)),
                new Update().set("preregistrationId", preregistrationId),
                FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, APPROVED_ENTRIES);
        return Optional.ofNullable(previous).map(document -> document.getString("preregistrationId"))
                .filter(previousId -> !previousId.equals(preregistrationId));
    }

    /** Frees the entry date this pre-registration held, if it still does (after a reschedule or rejection). */
    void releaseEntryDate(String documentId, LocalDate entryDate, String preregistrationId) {
        mongo.remove(query(where("_id").is(documentId + ":" + entryDate).and("preregistrationId")
                .is(preregistrationId)), APPROVED_ENTRIES);
    }
}
