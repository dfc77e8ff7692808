package mx.gob.inm.preregistro.preregistration.documents;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;

/**
 * One attempt at a submission, claiming its document (R-DOC-9): which pre-registration, when, and the attempt's own
 * id, so that an attempt that fails takes back its claim alone, and one that died half-way can be told by its age.
 */
public record DocumentClaim(String preregistrationId, Instant at, String attempt) {

    static DocumentClaim of(String preregistrationId, Instant now) {
        return new DocumentClaim(preregistrationId, Instant.ofEpochMilli(now.toEpochMilli()),
                UUID.randomUUID().toString());
    }

    static DocumentClaim read(Document stored) {
        return new DocumentClaim(stored.getString("preregistrationId"), stored.getDate("at").toInstant(),
                stored.getString("attempt"));
    }

    /** As stored in the projection's document, field for field, so that it is found again to be taken back. */
    Document stored() {
        return new Document("preregistrationId", preregistrationId).append("at", Date.from(at))
                .append("attempt", attempt);
    }
}
