package mx.gob.inm.preregistro.document.registry;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;

/**
 * The {@code documents} collection. Every state change goes in one conditional write of the document together with
 * its outbox entries, so concurrent requests and several instances of the expiry job cannot apply it twice.
 */
@Repository
class Documents {

    private static final String OWNER = "accountId";
    private static final String SERVICE_RECORDS = "serviceRecords";
    private static final String DELETION_REQUESTED = "deletionRequestedAt";

    private final MongoTemplate mongo;

    Documents(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(TravelDocument.COLLECTION).createIndex(new Index("passportKey", Sort.Direction.ASC)
                .unique().sparse().named("one_passport_per_account"));
        mongo.indexOps(TravelDocument.COLLECTION).createIndex(new Index(OWNER, Sort.Direction.ASC));
    }

    /** Stores a new document with its events; false when the account has this passport already (R-DOC-11). */
    boolean insert(TravelDocument document) {
        try {
            mongo.insert(document, TravelDocument.COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The account's registered (not deleted) documents, oldest first. */
    List<TravelDocument> ofAccount(String accountId) {
        return mongo.find(query(where(OWNER).is(accountId).and("deleted").is(false))
                .with(Sort.by("registeredAt")), TravelDocument.class, TravelDocument.COLLECTION);
    }

    /**
     * Whether the account has {@code limit} registered (not deleted) documents already. A find with a limit, not a
     * count: the MongoDB-wire server answers a count by reading the whole collection. Registrations at the same
     * moment may each see room for one more.
     */
    boolean atLimit(String accountId, int limit) {
        Query registered = query(where(OWNER).is(accountId).and("deleted").is(false)).limit(limit);
        registered.fields().include("_id");
        return mongo.find(registered, Document.class, TravelDocument.COLLECTION).size() >= limit;
    }

    /** The document if it exists, is not deleted and belongs to the account: anyone else's is simply not found. */
    Optional<TravelDocument> find(UUID id, String accountId) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(id).and(OWNER).is(accountId)
                .and("deleted").is(false)), TravelDocument.class, TravelDocument.COLLECTION));
    }

    /**
     * Asks for the document's deletion with {@code requested}'s event, only while no service record is known and it
     * was not asked already (R-DOC-9); false otherwise.
     */
    boolean requestDeletion(UUID id, String accountId, Instant now, OutboxEntry requested) {
        return mongo.updateFirst(query(where("_id").is(id).and(OWNER).is(accountId).and("deleted").is(false)
                        .and(SERVICE_RECORDS).size(0).and(DELETION_REQUESTED).exists(false)),
                new Update().set(DELETION_REQUESTED, now).push(OutboxEntry.FIELD, requested),
                TravelDocument.COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Deletes a document whose deletion was asked for and that preregistration-service withdrew, with
     * {@code deleted}'s event: the document as it was, or empty when there was nothing to do (done already).
     */
    Optional<TravelDocument> delete(UUID id, String accountId, OutboxEntry deleted) {
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(id).and(OWNER).is(accountId)
                        .and("deleted").is(false).and(SERVICE_RECORDS).size(0).and(DELETION_REQUESTED).exists(true)),
                erasing().unset(DELETION_REQUESTED).push(OutboxEntry.FIELD, deleted), TravelDocument.class,
                TravelDocument.COLLECTION));
    }

    /**
     * Remembers a service record made with the document (idempotent); a deletion asked for meanwhile is cancelled,
     * since preregistration-service will not withdraw the document (R-DOC-9).
     */
    void addServiceRecord(UUID documentId, UUID recordId) {
        mongo.updateFirst(query(where("_id").is(documentId)),
                new Update().addToSet(SERVICE_RECORDS, recordId).unset(DELETION_REQUESTED), TravelDocument.COLLECTION);
    }

    /** One valid document whose expiry date is before {@code today}, or none. */
    Optional<TravelDocument> nextToExpire(LocalDate today) {
        return Optional.ofNullable(mongo.findOne(query(where("status").is(TravelDocument.Status.VALID)
                .and("expiryDate").lt(today)), TravelDocument.class, TravelDocument.COLLECTION));
    }

    /** Marks it expired with its event, only if it still is valid: false when another instance did it first. */
    boolean markExpired(UUID id, OutboxEntry event) {
        return mongo.findAndModify(query(where("_id").is(id).and("status").is(TravelDocument.Status.VALID)),
                new Update().set("status", TravelDocument.Status.EXPIRED).push(OutboxEntry.FIELD, event),
                FindAndModifyOptions.options().returnNew(true), TravelDocument.class,
                TravelDocument.COLLECTION) != null;
    }

    /**
     * Marks a document deleted and erases what it says about its holder: what remains is the id, the owner id, the
     * dates and the status of the record.
     */
    private static Update erasing() {
        return new Update().set("deleted", true).unset("passportKey").unset("scanId").unset("documentNumber")
                .unset("surname").unset("givenNames").unset("birthDate").unset("sex").unset("personalNumber");
    }

    /**
     * Erases what the account's documents say about their holder (R-ENT-5) and marks them deleted, each with its
     * {@code DocumentDeleted}; what remains is the id, the owner id and the dates of the record. Returns how many.
     */
    int eraseAccount(String accountId, Function<TravelDocument, OutboxEntry> deletedEvent) {
        int erased = 0;
        for (TravelDocument document : mongo.find(query(where(OWNER).is(accountId).and("erased").ne(true)),
                TravelDocument.class, TravelDocument.COLLECTION)) {
            Update erase = erasing().set("erased", true);
            if (!document.isDeleted()) {
                erase.push(OutboxEntry.FIELD, deletedEvent.apply(document));
            }
            erased += (int) mongo.updateFirst(query(where("_id").is(document.id()).and("erased").ne(true)), erase,
                    TravelDocument.COLLECTION).getModifiedCount();
        }
        return erased;
    }
}
