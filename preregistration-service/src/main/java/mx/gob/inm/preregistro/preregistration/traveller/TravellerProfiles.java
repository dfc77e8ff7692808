package mx.gob.inm.preregistro.preregistration.traveller;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Repository;

import com.mongodb.client.result.UpdateResult;

import mx.gob.inm.preregistro.contracts.Language;
import mx.gob.inm.preregistro.platform.problem.ProblemException;
import mx.gob.inm.preregistro.platform.quota.DailyQuota;

/** The {@code travellers} collection, keyed by account id. */
@Repository
public class TravellerProfiles {

    private final MongoTemplate mongo;

    public TravellerProfiles(MongoTemplate mongo) {
        this.mongo = mongo;
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
     * document ({@code submittedAt}, with a counter {@code submissions}) and written only if no other submission
     * changed them since they were read, so the limit holds across instances and simultaneous calls.
     *
     * @return empty when counted; otherwise how long until the oldest submission of the day is a day old
     */
    public Optional<Duration> countSubmission(String accountId, Instant now, int perDay) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Document stored = mongo.findById(accountId, Document.class, TravellerProfile.COLLECTION);
            List<Instant> times = new ArrayList<>(stored == null ? List.of()
                    : stored.getList("submittedAt", Date.class, List.of()).stream().map(Date::toInstant).toList());
            Optional<Duration> wait = DailyQuota.take(times, now, perDay);
            if (wait.isPresent()) {
                return wait;
            }
            Number counted = stored == null ? null : stored.get("submissions", Number.class);
            Update update = new Update()
                    .set("submittedAt", times.stream().map(Date::from).toList())
                    .set("submissions", counted == null ? 1L : counted.longValue() + 1);
            try {
                UpdateResult result = mongo.upsert(query(where("_id").is(accountId).and("submissions").is(counted)),
                        update, TravellerProfile.COLLECTION);
                if (result.getMatchedCount() == 1 || result.getUpsertedId() != null) {
                    return Optional.empty();
                }
            } catch (DuplicateKeyException changedMeanwhile) {
                // another submission counted first: read again
            }
        }
        throw new ProblemException(HttpStatus.CONFLICT, "concurrent_change");
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
