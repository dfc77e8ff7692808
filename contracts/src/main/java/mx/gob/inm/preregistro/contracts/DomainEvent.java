package mx.gob.inm.preregistro.contracts;

/**
 * A payload that travels inside an {@link EventEnvelope}. Every event record in this module implements it.
 *
 * <p>The event type written on the wire is the simple name of the record ({@code PreRegistrationApproved});
 * the version is 1 until a record changes incompatibly. {@link #aggregateId()} is the Kafka key, so all events
 * of one aggregate stay in one partition and in order.
 */
public interface DomainEvent {

    /** The id of the aggregate this event is about; used as the Kafka record key. */
    String aggregateId();

    /** The {@code type} written in the envelope: the simple name of the record. */
    default String eventType() {
        return getClass().getSimpleName();
    }

    /** The {@code version} written in the envelope. */
    default int eventVersion() {
        return 1;
    }
}
