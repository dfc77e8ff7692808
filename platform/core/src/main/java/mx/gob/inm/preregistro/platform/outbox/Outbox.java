package mx.gob.inm.preregistro.platform.outbox;

import java.time.Clock;
import java.util.List;

import mx.gob.inm.preregistro.contracts.DomainEvent;
import mx.gob.inm.preregistro.contracts.EventCatalog;
import mx.gob.inm.preregistro.contracts.EventEnvelope;
import mx.gob.inm.preregistro.platform.correlation.CorrelationId;
import mx.gob.inm.preregistro.platform.events.EventJson;

/**
 * Turns the events an aggregate returns into outbox entries to store in that aggregate's document. The topic is
 * the one the contracts assign to the event type; the correlation id is the current one.
 */
public class Outbox {

    private final EventJson json;
    private final Clock clock;

    public Outbox(EventJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public OutboxEntry entryFor(DomainEvent event, String subject) {
        return entryFor(EventEnvelope.of(event, subject, CorrelationId.current(), clock));
    }

    public OutboxEntry entryFor(EventEnvelope<? extends DomainEvent> envelope) {
        return new OutboxEntry(
                envelope.eventId().toString(),
                EventCatalog.topicOf(envelope.payload()),
                envelope.key(),
                envelope.type(),
                envelope.correlationId(),
                json.write(envelope),
                clock.instant());
    }

    public List<OutboxEntry> entriesFor(List<? extends DomainEvent> events, String subject) {
        return events.stream().map(event -> entryFor(event, subject)).toList();
    }
}
