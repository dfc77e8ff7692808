package mx.gob.inm.preregistro.preregistration.partners;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

import mx.gob.inm.preregistro.contracts.partners.BoardingDecisionPublished;
import mx.gob.inm.preregistro.preregistration.registration.PreRegistration;

/**
 * What an airline or airport may know before boarding (R-OPS-2): whether a traveller, named by passport number and
 * nationality, has an approved pre-registration for an entry date, and nothing else. Every question is audited
 * ({@value #AUDIT}: the client, the time, the passport's hash, the date and the answer; never the number itself).
 */
@Service
class BoardingStatus {

    static final String AUDIT = "partner_audit";
    private static final Logger log = LoggerFactory.getLogger(BoardingStatus.class);

    /** The answer partners act on. */
    enum Status { APPROVED, NOT_APPROVED, NONE }

    private final MongoTemplate mongo;
    private final Clock clock;

    BoardingStatus(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(PreRegistration.COLLECTION).createIndex(new Index("holder.documentNumber", Sort.Direction.ASC));
    }

    Status of(String client, String documentNumber, String nationality, LocalDate entryDate) {
        String number = documentNumber.trim().toUpperCase(Locale.ROOT);
        String country = nationality.trim().toUpperCase(Locale.ROOT);
        List<Document> decided = mongo.find(query(where("holder.documentNumber").is(number)
                        .and("holder.nationality").is(country).and("travel.entryDate").is(entryDate)
                        .and("status").in(PreRegistration.Status.APPROVED.name(), PreRegistration.Status.REJECTED.name()))
                        .with(Sort.by(Sort.Direction.DESC, "decidedAt")),
                Document.class, PreRegistration.COLLECTION);
        Status status = decided.isEmpty() ? Status.NONE
                : decided.stream().anyMatch(d -> PreRegistration.Status.APPROVED.name().equals(d.getString("status")))
                        ? Status.APPROVED : Status.NOT_APPROVED;
        String hash = BoardingDecisionPublished.documentHash(country, number);
        mongo.insert(new Document("client", client).append("at", Date.from(clock.instant()))
                .append("documentHash", hash).append("entryDate", entryDate.toString())
                .append("status", status.name()), AUDIT);
        log.info("Boarding status asked by {} for {} on {}: {}", client, hash, entryDate, status);
        return status;
    }
}
