package mx.gob.inm.preregistro.preregistration.documents;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import mx.gob.inm.preregistro.contracts.documents.DocumentRegistered;
import mx.gob.inm.preregistro.contracts.documents.DocumentValidated;
import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;

/**
 * The {@code documents} projection: one document per passport, keyed by document id. Its document is also where a
 * submission and a deletion meet (R-DOC-9): a submission {@link #claim claims} it and a deletion request
 * {@link #withdraw withdraws} it, each with a write conditional on the other not having happened, so exactly one
 * of the two wins.
 */
@Repository
public class TravellerDocuments {

    private static final String WITHDRAWN = "withdrawn";
    private static final String SERVICE_RECORDS = "serviceRecords";

    private final MongoTemplate mongo;

    public TravellerDocuments(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(TravellerDocument.COLLECTION).createIndex(new Index("accountId", Sort.Direction.ASC));
    }

    /** The account's document, or empty when it is unknown, deleted or another account's. */
    public Optional<TravellerDocument> owned(String documentId, String accountId) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(documentId).and("accountId").is(accountId)),
                TravellerDocument.class, TravellerDocument.COLLECTION));
    }

    /**
     * Records a submission with the document, unless it was withdrawn for its deletion or is gone: false then, and
     * the submission must not go on.
     */
    public boolean claim(String documentId, String preregistrationId) {
        return mongo.updateFirst(query(where("_id").is(documentId).and(WITHDRAWN).ne(true)),
                new Update().addToSet(SERVICE_RECORDS, preregistrationId), TravellerDocument.COLLECTION)
                .getMatchedCount() == 1;
    }

    /** Takes back the claim of a submission that was then not stored. */
    public void release(String documentId, String preregistrationId) {
        mongo.updateFirst(query(where("_id").is(documentId)), new Update().pull(SERVICE_RECORDS, preregistrationId),
                TravellerDocument.COLLECTION);
    }

    /**
     * Withdraws a document whose deletion the traveller asked for, with {@code withdrawn}'s event in its outbox,
     * only if no submission claimed it and it was not withdrawn already: false otherwise, and nothing changes.
     */
    boolean withdraw(String documentId, OutboxEntry withdrawn) {
        return mongo.updateFirst(query(where("_id").is(documentId).and(WITHDRAWN).ne(true)
                        .and(SERVICE_RECORDS + ".0").exists(false)),
                new Update().set(WITHDRAWN, true).push(OutboxEntry.FIELD, withdrawn), TravellerDocument.COLLECTION)
                .getModifiedCount() == 1;
    }

    void registered(DocumentRegistered event) {
        mongo.upsert(query(where("_id").is(event.documentId().toString())),
                new Update().set("accountId", event.accountId())
                        .set("documentType", event.documentType())
                        .set("issuingState", event.issuingState())
                        .set("documentNumber", event.documentNumber())
                        .set("surname", event.surname())
                        .set("givenNames", event.givenNames())
                        .set("nationality", event.nationality())
                        .set("birthDate", event.birthDate())
                        .set("sex", event.sex())
                        .set("expiryDate", event.expiryDate())
                        .set("classification", event.classification())
                        .setOnInsert("status", TravellerDocument.Status.REGISTERED),
                TravellerDocument.COLLECTION);
    }

    void validated(DocumentValidated event) {
        mongo.upsert(query(where("_id").is(event.documentId().toString())),
                new Update().set("accountId", event.accountId())
                        .set("documentType", event.documentType())
                        .set("issuingState", event.issuingState())
                        .set("nationality", event.nationality())
                        .set("classification", event.classification())
                        .set("expiryDate", event.expiryDate())
                        .set("status", TravellerDocument.Status.VALID),
                TravellerDocument.COLLECTION);
    }

    void status(String documentId, TravellerDocument.Status status) {
        mongo.updateFirst(query(where("_id").is(documentId)), new Update().set("status", status),
                TravellerDocument.COLLECTION);
    }

    void delete(String documentId) {
        mongo.remove(query(where("_id").is(documentId)), TravellerDocument.COLLECTION);
    }

    void deleteAll(String accountId) {
        mongo.remove(query(where("accountId").is(accountId)), TravellerDocument.COLLECTION);
    }
}
