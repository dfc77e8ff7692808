package mx.gob.inm.preregistro.preregistration.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code delivery_status} projection for the history: whether the FMME or one of its e-mails failed
 * (the red "recover FMM and QR" icon, R-PRE-11, R-FMM-3), and the FMME folio once issued.
 */
@Component
public class DeliveryStatuses {

    private final MongoTemplate mongo;

    public DeliveryStatuses(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What is known of each pre-registration's delivery, by id; absent ids have no news yet. */
    public Map<String, Delivery> of(Collection<String> preregistrationIds) {
        Map<String, Delivery> deliveries = new HashMap<>();
        mongo.find(query(where("_id").in(preregistrationIds)), Document.class, DeliveryStatusListener.COLLECTION)
                .forEach(document -> {
                    Document kinds = document.get("kinds", Document.class);
                    boolean failed = kinds != null && DeliveryStatusListener.TRACKED_KINDS.stream()
                            .anyMatch(kind -> "FAILED".equals(kinds.getString(kind)));
                    deliveries.put(document.getString("_id"), new Delivery(failed, document.getString("folio")));
                });
        return deliveries;
    }

    /**
     * @param failed the FMME could not be issued, or its QR receipt or download-link e-mail could not be sent, and
     *               no later success of the same kind cleared it
     * @param folio  the FMME folio, {@code null} until issued
     */
    public record Delivery(boolean failed, String folio) {
    }
}
