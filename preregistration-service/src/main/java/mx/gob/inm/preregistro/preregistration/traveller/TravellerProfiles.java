package mx.gob.inm.preregistro.preregistration.traveller;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import mx.gob.inm.preregistro.contracts.Language;

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

    void contact(String accountId, String email, Language language) {
        mongo.findAndModify(query(where("_id").is(accountId)),
                new Update().set("email", email).set("language", language),
                FindAndModifyOptions.options().upsert(true), TravellerProfile.class, TravellerProfile.COLLECTION);
    }

    void erase(String accountId) {
        mongo.remove(query(where("_id").is(accountId)), TravellerProfile.COLLECTION);
    }
}
