package mx.gob.inm.preregistro.fmme.form;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import mx.gob.inm.preregistro.platform.outbox.OutboxEntry;

/**
 * The {@code fmmes} collection, one document per form, its id the folio. A unique index on the approval's event id
 * makes "one form per approval" hold even if the same approval were handled twice; every state change is one
 * conditional write of the document with its outbox entries.
 */
@Repository
public class Fmmes {

    private static final String APPROVAL_EVENT = "approvalEventId";
    private static final String PREREGISTRATION = "preregistrationId";

    private final MongoTemplate mongo;

    public Fmmes(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Fmme.COLLECTION).createIndex(new Index(APPROVAL_EVENT, Sort.Direction.ASC).unique()
                .named("one_form_per_approval"));
        mongo.indexOps(Fmme.COLLECTION).createIndex(new Index(PREREGISTRATION, Sort.Direction.ASC));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the folio or the approval has a form already */
    void insert(Fmme form) {
        mongo.insert(form, Fmme.COLLECTION);
    }

    /** A find of one id, not {@code exists} (a count, which the Mongo-wire server answers by reading every form). */
    boolean existsForApproval(UUID approvalEventId) {
        Query byApproval = query(where(APPROVAL_EVENT).is(approvalEventId)).limit(1);
        byApproval.fields().include("_id");
        return mongo.findOne(byApproval, Document.class, Fmme.COLLECTION) != null;
    }

    public Optional<Fmme> findByFolio(String folio) {
        return Optional.ofNullable(mongo.findById(folio, Fmme.class, Fmme.COLLECTION));
    }

    /** The forms of a pre-registration in this status, newest first. */
    List<Fmme> findByPreRegistration(UUID preregistrationId, Fmme.Status status) {
        return mongo.find(query(where(PREREGISTRATION).is(preregistrationId).and("status").is(status))
                .with(Sort.by(Sort.Direction.DESC, "issuedAt")), Fmme.class, Fmme.COLLECTION);
    }

    /** The valid form of a pre-registration when this account owns it: what its owner may download. */
    public Optional<Fmme> findIssued(UUID preregistrationId, String accountId) {
        Query owned = query(where(PREREGISTRATION).is(preregistrationId).and("accountId").is(accountId)
                .and("status").is(Fmme.Status.ISSUED)).with(Sort.by(Sort.Direction.DESC, "issuedAt")).limit(1);
        return Optional.ofNullable(mongo.findOne(owned, Fmme.class, Fmme.COLLECTION));
    }

    /** Marks the form revoked only if it still is issued (atomic); false when something else changed it first. */
    boolean markRevoked(Fmme revoked, OutboxEntry event) {
        return mongo.updateFirst(query(where("_id").is(revoked.folio()).and("status").is(Fmme.Status.ISSUED)),
                new Update().set("status", Fmme.Status.REVOKED).set("revokedAt", revoked.revokedAt())
                        .set("revokedReason", revokedReasonOf(revoked)).push(OutboxEntry.FIELD, event),
                Fmme.COLLECTION).getModifiedCount() == 1;
    }

    /** Stores a re-printed failed form (same folio) with its event, only if it still is failed. */
    boolean markPrinted(Fmme printed, OutboxEntry event) {
        return mongo.updateFirst(query(where("_id").is(printed.folio()).and("status").is(Fmme.Status.FAILED)),
                new Update().set("status", Fmme.Status.ISSUED).set("issuedAt", printed.issuedAt())
                        .set("validUntil", printed.validUntil()).set("seal", printed.seal())
                        .set("keyId", printed.keyId()).set("fmmePdf", printed.fmmePdf())
                        .set("qrReceiptPdf", printed.qrReceiptPdf()).unset("failureReason")
                        .push(OutboxEntry.FIELD, event),
                Fmme.COLLECTION).getModifiedCount() == 1;
    }

    /** Adds an event about a form without changing it (a re-send). */
    void recordEvent(String folio, OutboxEntry event) {
        mongo.updateFirst(query(where("_id").is(folio)), new Update().push(OutboxEntry.FIELD, event),
                Fmme.COLLECTION);
    }

    private static String revokedReasonOf(Fmme form) {
        return form.revokedReason() == null ? null : form.revokedReason().name();
    }
}
