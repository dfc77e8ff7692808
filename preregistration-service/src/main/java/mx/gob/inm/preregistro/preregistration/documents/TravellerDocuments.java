package mx.gob.inm.preregistro.preregistration.documents;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
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
    private static final String CLAIMS = "claims";

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
     * Records an attempt to submit {@code preregistrationId} with the document, unless the document was withdrawn for
     * its deletion or is gone: the attempt's own claim, to {@link #release} if the submission is then not stored, or
     * empty, and the submission must not go on. Each attempt claims apart, so that one that fails takes back its own
     * claim only, never that of a simultaneous attempt at the same submission that succeeded.
     */
    public Optional<String> claim(String documentId, String preregistrationId) {
        String claim = preregistrationId + "/" + UUID.randomUUID();
        return mongo.updateFirst(query(where("_id").is(documentId).and(WITHDRAWN).ne(true)),
                new Update().push(CLAIMS, claim), TravellerDocument.COLLECTION).getMatchedCount() == 1
                ? Optional.of(claim) : Optional.empty();
    }

    /** Takes back the claim of an attempt whose submission was then not stored. */
    public void release(String documentId, String claim) {
        mongo.updateFirst(query(where("_id").is(documentId)), new Update().pull(CLAIMS, claim),
                TravellerDocument.COLLECTION);
    }

    /**
     * Withdraws a document whose deletion the traveller asked for, with {@code withdrawn}'s event in its outbox,
     * only if no submission claimed it and it was not withdrawn already: false otherwise, and nothing changes. A
     * document this projection never heard of (its events dead-lettered, say) had no submission either: it is
     * withdrawn too, as a record with nothing but its id, so that its deletion is answered all the same.
     */
    boolean withdraw(String documentId, OutboxEntry withdrawn) {
        try {
            UpdateResult result = mongo.upsert(query(where("_id").is(documentId).and(WITHDRAWN).ne(true)
                            .and(CLAIMS + ".0").exists(false)),
                    new Update().set(WITHDRAWN, true).push(OutboxEntry.FIELD, withdrawn),
                    TravellerDocument.COLLECTION);
            return result.getModifiedCount() == 1 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException claimedOrWithdrawn) {
            // the document exists and did not match: the upsert tried to insert a second one with its id
            return false;
        }
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
