package mx.gob.inm.preregistro.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import mx.gob.inm.preregistro.contracts.notification.NotificationKind;

/**
 * {@code GET /api/notifications}: the e-mails this service sent (or tried to send) to the caller's account, newest
 * first, for the traveller's copy of their data (R-ENT-5): what each was, where it went, when, and whether the mail
 * server took it; for an FMME's two mails, the pre-registration they were about. Another account's mails do not
 * exist for the caller.
 */
@RestController
class MailHistoryController {

    private static final Set<String> ABOUT_A_PREREGISTRATION = Set.of(NotificationKind.FMME_LINK.name(),
            NotificationKind.QR_RECEIPT.name());

    private final MongoTemplate mongo;

    MailHistoryController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/notifications")
    List<Map<String, Object>> mine(@AuthenticationPrincipal Jwt jwt) {
        return mongo.find(query(where(Notification.ACCOUNT).is(jwt.getSubject()))
                        .with(Sort.by(Sort.Direction.DESC, "recordedAt")), Document.class,
                        mongo.getCollectionName(Notification.class))
                .stream().map(MailHistoryController::entry).toList();
    }

    private static Map<String, Object> entry(Document mail) {
        Map<String, Object> entry = new LinkedHashMap<>();
        String kind = mail.getString("kind");
        entry.put("kind", kind);
        entry.put("to", mail.getString("recipient"));
        entry.put("status", mail.getString("status"));
        entry.put("recordedAt", instant(mail, "recordedAt"));
        entry.put("sentAt", instant(mail, "sentAt"));
        entry.put("failedAt", instant(mail, "failedAt"));
        if (ABOUT_A_PREREGISTRATION.contains(kind)) {
            entry.put("preregistrationId", mail.getString("relatedId"));
        }
        return entry;
    }

    private static Object instant(Document mail, String field) {
        return mail.getDate(field) == null ? null : mail.getDate(field).toInstant();
    }
}
