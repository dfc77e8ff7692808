package mx.gob.inm.preregistro.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.contracts.documents.DocumentDeleted;
import mx.gob.inm.preregistro.contracts.documents.DocumentExpired;
import mx.gob.inm.preregistro.platform.events.EventJson;
import mx.gob.inm.preregistro.platform.inbox.EventInbox;
import mx.gob.inm.preregistro.testing.IntegrationTest;

@IntegrationTest
class EventInboxTest {

    @Autowired
    EventInbox inbox;
    @Autowired
    EventJson json;
    @Autowired
    MongoTemplate mongo;

    private final List<String> handled = new ArrayList<>();

    private void receive(String record) {
        inbox.receive("inbox-test", record)
                .on(DocumentDeleted.class, (envelope, deleted) -> handled.add("deleted " + deleted.accountId()))
                .on(DocumentExpired.class, (envelope, expired) -> handled.add("expired"));
    }

    @Test
    @DisplayName("a record reaches the handler of its payload type once, however often it is delivered")
    void dispatchesByTypeOnce() {
        String record = json.write(EventEnvelope.of(new DocumentDeleted(UUID.randomUUID(), "ana"), "ana", null,
                Clock.systemUTC()));

        receive(record);
        receive(record);

        assertThat(handled).containsExactly("deleted ana");
    }

    @Test
    @DisplayName("a handler registered with onEvery runs on every delivery and leaves no once-only marker")
    void everyDeliveryReachesAnIdempotentHandler() {
        EventEnvelope<DocumentDeleted> envelope = EventEnvelope.of(new DocumentDeleted(UUID.randomUUID(), "eva"),
                "eva", null, Clock.systemUTC());
        String record = json.write(envelope);

        for (int delivery = 0; delivery < 2; delivery++) {
            inbox.receive("inbox-every-test", record)
                    .onEvery(DocumentDeleted.class, (received, deleted) -> handled.add("deleted " + deleted.accountId()))
                    .onEvery(DocumentExpired.class, (received, expired) -> handled.add("expired"));
        }

        assertThat(handled).containsExactly("deleted eva", "deleted eva");
        assertThat(mongo.exists(Query.query(Criteria.where("consumer").is("inbox-every-test")
                .and("eventId").is(envelope.eventId().toString())), "processed_events")).isFalse();
    }

    @Test
    @DisplayName("an event type this build does not know yet is ignored, so a newer producer does not block the consumer")
    void unknownTypeIsIgnored() {
        String record = json.write(EventEnvelope.of(new DocumentDeleted(UUID.randomUUID(), "ana"), "ana", null,
                Clock.systemUTC())).replace("\"type\":\"DocumentDeleted\"", "\"type\":\"DocumentTeleported\"");

        receive(record);

        assertThat(handled).isEmpty();
    }
}
