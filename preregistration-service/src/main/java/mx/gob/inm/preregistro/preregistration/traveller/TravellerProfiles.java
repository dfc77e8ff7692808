package mx.gob.inm.preregistro.preregistration.traveller;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.platform.quota.Quota;
import mx.gob.inm.preregistro.platform.quota.StoredQuota;

/** The {@code travellers} collection, keyed by account id. */
@Repository
public class TravellerProfiles {

    private final MongoTemplate mongo;
    private final StoredQuota submissions;

    public TravellerProfiles(MongoTemplate mongo) {
        this.mongo = mongo;
        this.submissions = new StoredQuota(mongo, TravellerProfile.COLLECTION, "submittedAt");
    }

    public TravellerProfile find(String accountId) {
        TravellerProfile profile = mongo.findById(accountId, TravellerProfile.class, TravellerProfile.COLLECTION);
        return profile == null ? TravellerProfile.unknown(accountId) : profile;
    }

    /**
     * Keeps the first NUE or SRE folio of a traveller (R-PRE-2): a field already set is never overwritten, so two
     * first drafts at the same moment end with one value. Returns the profile as stored.
     *
     * @param field {@code nue} or {@code sreFolio}
     */
    public TravellerProfile captureOnce(String accountId, String field, String value) {
        mongo.upsert(query(where("_id").is(accountId)), new Update().setOnInsert(field, value),
                TravellerProfile.COLLECTION);
        mongo.updateFirst(query(where("_id").is(accountId).and(field).is(null)), new Update().set(field, value),
                TravellerProfile.COLLECTION);
        return find(accountId);
    }

    /**
     * Counts one submission of the account: at most {@code perDay} in any 24 hours, since each decided submission
     * issues the FMME and both e-mails and takes the whole pipeline's time. The times are kept in the traveller's
     * document ({@code submittedAt}), so the limit holds across instances and simultaneous calls ({@link StoredQuota}).
     *
     * @return empty when counted; otherwise how long until the oldest submission of the day is a day old
     */
    public Optional<Duration> countSubmission(String accountId, Instant now, int perDay) {
        return submissions.take(accountId, Quota.perDay(perDay), now);
    }

    /** Takes back the submission counted at {@code now} that was then not stored. */
    public void uncountSubmission(String accountId, Instant now) {
        submissions.giveBack(accountId, now);
    }

    void contact(String accountId, String email, Language language) {
        mongo.findAndModify(query(where("_id").is(accountId)),
                new Update().set("email", email).set("language", language),
                FindAndModifyOptions.options().upsert(true), TravellerProfile.class, TravellerProfile.COLLECTION);
    }

    void erase(String accountId) {
        mongo.remove(query(where("_id").is(accountId)), TravellerProfile.COLLECTION);
    }
}
