package mx.gob.inm.preregistro.preregistration.documents;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
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
 * of the two wins (ADR 0009).
 */
@Repository
public class TravellerDocuments {

    private static final String WITHDRAWN = "withdrawn";
    private static final String CLAIMS = "claims";
    /** Rounds of taking back abandoned claims before a deletion request is left to be asked again. */
    private static final int ROUNDS = 3;

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
     * Records an attempt at submitting {@code preregistrationId} with the document, unless the document was
     * withdrawn for its deletion or is gone: the attempt's own claim, to {@link #release} if the submission is then
     * not stored, or empty, and the submission must not go on. Each attempt claims apart, so that one that fails
     * takes back its own claim only, never that of a simultaneous attempt at the same submission that succeeded.
     */
    public Optional<DocumentClaim> claim(String documentId, String preregistrationId, Instant now) {
        DocumentClaim claim = DocumentClaim.of(preregistrationId, now);
        return mongo.updateFirst(query(where("_id").is(documentId).and(WITHDRAWN).ne(true)),
                new Update().push(CLAIMS, claim.stored()), TravellerDocument.COLLECTION).getMatchedCount() == 1
                ? Optional.of(claim) : Optional.empty();
    }

    /** Takes back the claim of an attempt whose submission was then not stored. */
    public void release(String documentId, DocumentClaim claim) {
        mongo.updateFirst(query(where("_id").is(documentId)), new Update().pull(CLAIMS, claim.stored()),
                TravellerDocument.COLLECTION);
    }

    /**
     * Withdraws a document whose deletion the traveller asked for, with {@code withdrawn}'s event in its outbox,
     * only if no claim is on it and it was not withdrawn already: true when withdrawn now, false when it was already
     * or a submission was stored with it. A claim whose submission is not stored (not {@code submitted}) belongs to
     * an attempt under way, or to one that died half-way if it was made before {@code abandonedBefore}: those are
     * taken back and the withdrawal goes on; for the others, {@link ClaimUnderWayException}, to be asked again in a
     * moment. A document this projection never heard of (its events dead-lettered, say) had no submission either:
     * it is withdrawn too, as a record with nothing but its id, so that its deletion is answered all the same.
     */
    boolean withdraw(String documentId, OutboxEntry withdrawn, SubmittedPreRegistrations submitted,
            Instant abandonedBefore) {
        for (int round = 0; round < ROUNDS; round++) {
            if (withdrawnNow(documentId, withdrawn)) {
                return true;
            }
            Document stored = mongo.findById(documentId, Document.class, TravellerDocument.COLLECTION);
            if (stored == null || Boolean.TRUE.equals(stored.getBoolean(WITHDRAWN))) {
                return false;
            }
            List<DocumentClaim> claims = stored.getList(CLAIMS, Document.class, List.of()).stream()
                    .map(DocumentClaim::read).toList();
            if (claims.stream().anyMatch(claim -> submitted.submitted(claim.preregistrationId()))) {
                return false;
            }
            if (claims.stream().anyMatch(claim -> !claim.at().isBefore(abandonedBefore))) {
                break;
            }
            claims.forEach(abandoned -> release(documentId, abandoned));
        }
        throw new ClaimUnderWayException(documentId);
    }

    private boolean withdrawnNow(String documentId, OutboxEntry withdrawn) {
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

    /** A submission with the document is under way: its deletion request is to be handled again in a moment. */
    static final class ClaimUnderWayException extends RuntimeException {
        ClaimUnderWayException(String documentId) {
            super("a submission with document " + documentId + " is under way; its deletion request waits");
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
